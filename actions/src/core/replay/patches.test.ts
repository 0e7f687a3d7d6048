import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHistoryText } from './history.js';
import { auditPatches, codePatches, patchIds, patchMarkerOf } from './patches.js';

const load = (name: string) =>
  parseHistoryText(
    readFileSync(new URL(`../../../../test/fixtures/replay/histories/${name}.json`, import.meta.url), 'utf8'),
    name,
  );

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('patch markers', () => {
  it('finds the patch-data marker Core wrote in a recorded history', () => {
    expect(patchIds(load('base-completed').history)).toEqual(['fixture-charge-v2']);
    expect(patchIds(load('pre-patch-completed').history)).toEqual([]);
  });

  it('reads the legacy patch_id form', () => {
    const marker = patchMarkerOf({
      eventId: '7',
      eventType: 'EVENT_TYPE_MARKER_RECORDED',
      markerRecordedEventAttributes: {
        markerName: 'core_patch',
        details: {
          patch_id: { payloads: [{ metadata: { encoding: b64('binary/plain') }, data: b64('old-change') }] },
          deprecated: {
            payloads: [{ metadata: { encoding: b64('binary/plain') }, data: b64(Buffer.from([1])) }],
          },
        },
      },
    });
    expect(marker).toEqual({ id: 'old-change', deprecated: true, eventId: '7' });
  });

  it('ignores other markers', () => {
    expect(
      patchMarkerOf({
        eventId: '7',
        eventType: 'EVENT_TYPE_MARKER_RECORDED',
        markerRecordedEventAttributes: { markerName: 'core_local_activity', details: {} },
      }),
    ).toBeUndefined();
  });
});

describe('codePatches', () => {
  it('finds literal patched/deprecatePatch calls, also as webpack writes them', () => {
    const code = `
      function patched(patchId) { return activator.patchInternal(patchId, false); }
      if ((0,_temporalio_workflow__WEBPACK_IMPORTED_MODULE_0__.patched)('charge-v2')) {}
      deprecatePatch("old-fix");
      patched(\`tpl\`);
      const CONDITION_0_PATCH = '__sdk_internal_patch_number:1';
      patched(CONDITION_0_PATCH);`;
    expect(codePatches(code)).toEqual([
      { id: 'charge-v2', call: 'patched' },
      { id: 'old-fix', call: 'deprecatePatch' },
      { id: 'tpl', call: 'patched' },
    ]);
  });
  it('resolves a constant the code assigns a literal to, as the bundle writes it', () => {
    const code = `
      const NOTIFY_CUSTOMER_PATCH = 'notify-customer';
      function patched(patchId) { return patchId; }
      if ((0,_temporalio_workflow__WEBPACK_IMPORTED_MODULE_0__.patched)(_definitions_js__WEBPACK_IMPORTED_MODULE_3__.NOTIFY_CUSTOMER_PATCH)) {}`;
    expect(codePatches(code)).toEqual([{ id: 'notify-customer', call: 'patched' }]);
  });
});

describe('auditPatches', () => {
  const histories = ['base-completed', 'base-open', 'pre-patch-completed', 'pre-patch-open'].map(load);

  it('keeps the old branch while an open run has no marker', () => {
    const [entry] = auditPatches([{ id: 'fixture-charge-v2', call: 'patched' }], histories);
    expect(entry).toMatchObject({
      id: 'fixture-charge-v2',
      inCode: 'patched',
      openWithMarker: ['base-open'],
      openWithoutMarker: ['pre-patch-open'],
      closedWithMarker: 1,
      advice: 'keep-old-branch',
    });
  });

  it('does not count an open run that started on a build which wrote the marker elsewhere', () => {
    const base = load('base-open');
    const notYet = {
      ...base,
      source: 'not-yet-at-patch',
      history: { events: base.history.events.filter((e) => !patchMarkerOf(e)) },
    };
    const [entry] = auditPatches(
      [{ id: 'fixture-charge-v2', call: 'patched' }],
      [load('base-completed'), notYet],
    );
    expect(entry).toMatchObject({
      openNotYetAtPatch: ['not-yet-at-patch'],
      openWithoutMarker: [],
      advice: 'can-deprecate',
    });
  });

  it('allows deprecating once every open run has the marker', () => {
    const onlyNew = histories.filter((h) => h.source !== 'pre-patch-open');
    const [entry] = auditPatches([{ id: 'fixture-charge-v2', call: 'patched' }], onlyNew);
    expect(entry?.advice).toBe('can-deprecate');
  });

  it('keeps deprecatePatch while open runs hold the marker, and flags a patch the code dropped', () => {
    expect(auditPatches([{ id: 'fixture-charge-v2', call: 'deprecatePatch' }], histories)[0]?.advice).toBe(
      'keep-deprecate-call',
    );
    expect(auditPatches([], histories)[0]).toMatchObject({ inCode: null, advice: 'removed-from-code' });
  });
});
