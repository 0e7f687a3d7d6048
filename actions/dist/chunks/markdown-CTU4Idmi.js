import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
/** A table cell's text: a `|` would end the cell and a newline the row. */ function escapeCell(text) {
    return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
/** A GitHub-flavoured Markdown table from rows, header first. */ function markdownTable([header = [], ...rows]) {
    return [
        header,
        header.map(()=>'---'),
        ...rows
    ].map((row)=>`| ${row.map(escapeCell).join(' | ')} |`).join('\n');
}

export { escapeCell as e, markdownTable as m };
