import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { e as escapeCell } from './markdown-CTU4Idmi.js';
import { g as getDefaultExportFromCjs } from './_commonjsHelpers-DR8IKnz7.js';
import { b as buildIdFor } from './queues-BMU_gztj.js';
import { e as escapeRegExp } from './escape-regexp-DnhsxoBw.js';

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$C;
var hasRequiredMain$C;

function requireMain$C () {
	if (hasRequiredMain$C) return main$C;
	hasRequiredMain$C = 1;

	// MAIN //

	/**
	* Tests if a double-precision floating-point numeric value is `NaN`.
	*
	* @param {number} x - value to test
	* @returns {boolean} boolean indicating whether the value is `NaN`
	*
	* @example
	* var bool = isnan( NaN );
	* // returns true
	*
	* @example
	* var bool = isnan( 7.0 );
	* // returns false
	*/
	function isnan( x ) {
		return ( x !== x );
	}


	// EXPORTS //

	main$C = isnan;
	return main$C;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$Q;
var hasRequiredLib$Q;

function requireLib$Q () {
	if (hasRequiredLib$Q) return lib$Q;
	hasRequiredLib$Q = 1;

	/**
	* Test if a double-precision floating-point numeric value is `NaN`.
	*
	* @module @stdlib/math-base-assert-is-nan
	*
	* @example
	* var isnan = require( '@stdlib/math-base-assert-is-nan' );
	*
	* var bool = isnan( NaN );
	* // returns true
	*
	* bool = isnan( 7.0 );
	* // returns false
	*/

	// MODULES //

	var main = requireMain$C();


	// EXPORTS //

	lib$Q = main;
	return lib$Q;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$B;
var hasRequiredMain$B;

function requireMain$B () {
	if (hasRequiredMain$B) return main$B;
	hasRequiredMain$B = 1;

	// TODO: implementation (?)

	/**
	* Rounds a double-precision floating-point number toward negative infinity.
	*
	* @param {number} x - input value
	* @returns {number} rounded value
	*
	* @example
	* var v = floor( -4.2 );
	* // returns -5.0
	*
	* @example
	* var v = floor( 9.99999 );
	* // returns 9.0
	*
	* @example
	* var v = floor( 0.0 );
	* // returns 0.0
	*
	* @example
	* var v = floor( NaN );
	* // returns NaN
	*/
	var floor = Math.floor; // eslint-disable-line stdlib/no-builtin-math


	// EXPORTS //

	main$B = floor;
	return main$B;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$P;
var hasRequiredLib$P;

function requireLib$P () {
	if (hasRequiredLib$P) return lib$P;
	hasRequiredLib$P = 1;

	/**
	* Round a double-precision floating-point number toward negative infinity.
	*
	* @module @stdlib/math-base-special-floor
	*
	* @example
	* var floor = require( '@stdlib/math-base-special-floor' );
	*
	* var v = floor( -4.2 );
	* // returns -5.0
	*
	* v = floor( 9.99999 );
	* // returns 9.0
	*
	* v = floor( 0.0 );
	* // returns 0.0
	*
	* v = floor( NaN );
	* // returns NaN
	*/

	// MODULES //

	var main = requireMain$B();


	// EXPORTS //

	lib$P = main;
	return lib$P;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$A;
var hasRequiredMain$A;

function requireMain$A () {
	if (hasRequiredMain$A) return main$A;
	hasRequiredMain$A = 1;

	// TODO: implementation (?)

	/**
	* Rounds a double-precision floating-point number toward positive infinity.
	*
	* @param {number} x - input value
	* @returns {number} rounded value
	*
	* @example
	* var v = ceil( -4.2 );
	* // returns -4.0
	*
	* @example
	* var v = ceil( 9.99999 );
	* // returns 10.0
	*
	* @example
	* var v = ceil( 0.0 );
	* // returns 0.0
	*
	* @example
	* var v = ceil( NaN );
	* // returns NaN
	*/
	var ceil = Math.ceil; // eslint-disable-line stdlib/no-builtin-math


	// EXPORTS //

	main$A = ceil;
	return main$A;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$O;
var hasRequiredLib$O;

function requireLib$O () {
	if (hasRequiredLib$O) return lib$O;
	hasRequiredLib$O = 1;

	/**
	* Round a double-precision floating-point number toward positive infinity.
	*
	* @module @stdlib/math-base-special-ceil
	*
	* @example
	* var ceil = require( '@stdlib/math-base-special-ceil' );
	*
	* var v = ceil( -4.2 );
	* // returns -4.0
	*
	* v = ceil( 9.99999 );
	* // returns 10.0
	*
	* v = ceil( 0.0 );
	* // returns 0.0
	*
	* v = ceil( NaN );
	* // returns NaN
	*/

	// MODULES //

	var main = requireMain$A();


	// EXPORTS //

	lib$O = main;
	return lib$O;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$z;
var hasRequiredMain$z;

function requireMain$z () {
	if (hasRequiredMain$z) return main$z;
	hasRequiredMain$z = 1;

	// MODULES //

	var floor = requireLib$P();
	var ceil = requireLib$O();


	// MAIN //

	/**
	* Rounds a double-precision floating-point number toward zero.
	*
	* @param {number} x - input value
	* @returns {number} rounded value
	*
	* @example
	* var v = trunc( -4.2 );
	* // returns -4.0
	*
	* @example
	* var v = trunc( 9.99999 );
	* // returns 9.0
	*
	* @example
	* var v = trunc( 0.0 );
	* // returns 0.0
	*
	* @example
	* var v = trunc( -0.0 );
	* // returns -0.0
	*
	* @example
	* var v = trunc( NaN );
	* // returns NaN
	*
	* @example
	* var v = trunc( Infinity );
	* // returns Infinity
	*
	* @example
	* var v = trunc( -Infinity );
	* // returns -Infinity
	*/
	function trunc( x ) {
		if ( x < 0.0 ) {
			return ceil( x );
		}
		return floor( x );
	}


	// EXPORTS //

	main$z = trunc;
	return main$z;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$N;
var hasRequiredLib$N;

function requireLib$N () {
	if (hasRequiredLib$N) return lib$N;
	hasRequiredLib$N = 1;

	/**
	* Round a double-precision floating-point number toward zero.
	*
	* @module @stdlib/math-base-special-trunc
	*
	* @example
	* var trunc = require( '@stdlib/math-base-special-trunc' );
	*
	* var v = trunc( -4.2 );
	* // returns -4.0
	*
	* v = trunc( 9.99999 );
	* // returns 9.0
	*
	* v = trunc( 0.0 );
	* // returns 0.0
	*
	* v = trunc( -0.0 );
	* // returns -0.0
	*
	* v = trunc( NaN );
	* // returns NaN
	*
	* v = trunc( Infinity );
	* // returns Infinity
	*
	* v = trunc( -Infinity );
	* // returns -Infinity
	*/

	// MODULES //

	var main = requireMain$z();


	// EXPORTS //

	lib$N = main;
	return lib$N;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$y;
var hasRequiredMain$y;

function requireMain$y () {
	if (hasRequiredMain$y) return main$y;
	hasRequiredMain$y = 1;

	// EXPORTS //

	main$y = Number; // eslint-disable-line stdlib/require-globals
	return main$y;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$M;
var hasRequiredLib$M;

function requireLib$M () {
	if (hasRequiredLib$M) return lib$M;
	hasRequiredLib$M = 1;

	/**
	* Constructor which returns a `Number` object.
	*
	* @module @stdlib/number-ctor
	*
	* @example
	* var Number = require( '@stdlib/number-ctor' );
	*
	* var v = new Number( 10.0 );
	* // returns <Number>
	*/

	// MODULES //

	var main = requireMain$y();


	// EXPORTS //

	lib$M = main;
	return lib$M;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$L;
var hasRequiredLib$L;

function requireLib$L () {
	if (hasRequiredLib$L) return lib$L;
	hasRequiredLib$L = 1;

	/**
	* Double-precision floating-point negative infinity.
	*
	* @module @stdlib/constants-float64-ninf
	* @type {number}
	*
	* @example
	* var FLOAT64_NINF = require( '@stdlib/constants-float64-ninf' );
	* // returns -Infinity
	*/

	// MODULES //

	var Number = requireLib$M();


	// MAIN //

	/**
	* Double-precision floating-point negative infinity.
	*
	* ## Notes
	*
	* Double-precision floating-point negative infinity has the bit sequence
	*
	* ```binarystring
	* 1 11111111111 00000000000000000000 00000000000000000000000000000000
	* ```
	*
	* @constant
	* @type {number}
	* @default Number.NEGATIVE_INFINITY
	* @see [IEEE 754]{@link https://en.wikipedia.org/wiki/IEEE_754-1985}
	*/
	var FLOAT64_NINF = Number.NEGATIVE_INFINITY;


	// EXPORTS //

	lib$L = FLOAT64_NINF;
	return lib$L;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$K;
var hasRequiredLib$K;

function requireLib$K () {
	if (hasRequiredLib$K) return lib$K;
	hasRequiredLib$K = 1;

	/**
	* Double-precision floating-point positive infinity.
	*
	* @module @stdlib/constants-float64-pinf
	* @type {number}
	*
	* @example
	* var FLOAT64_PINF = require( '@stdlib/constants-float64-pinf' );
	* // returns Infinity
	*/


	// MAIN //

	/**
	* Double-precision floating-point positive infinity.
	*
	* ## Notes
	*
	* Double-precision floating-point positive infinity has the bit sequence
	*
	* ```binarystring
	* 0 11111111111 00000000000000000000 00000000000000000000000000000000
	* ```
	*
	* @constant
	* @type {number}
	* @default Number.POSITIVE_INFINITY
	* @see [IEEE 754]{@link https://en.wikipedia.org/wiki/IEEE_754-1985}
	*/
	var FLOAT64_PINF = Number.POSITIVE_INFINITY; // eslint-disable-line stdlib/require-globals


	// EXPORTS //

	lib$K = FLOAT64_PINF;
	return lib$K;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$J;
var hasRequiredLib$J;

function requireLib$J () {
	if (hasRequiredLib$J) return lib$J;
	hasRequiredLib$J = 1;

	/**
	* The bias of a double-precision floating-point number's exponent.
	*
	* @module @stdlib/constants-float64-exponent-bias
	* @type {integer32}
	*
	* @example
	* var FLOAT64_EXPONENT_BIAS = require( '@stdlib/constants-float64-exponent-bias' );
	* // returns 1023
	*/


	// MAIN //

	/**
	* Bias of a double-precision floating-point number's exponent.
	*
	* ## Notes
	*
	* The bias can be computed via
	*
	* ```tex
	* \mathrm{bias} = 2^{k-1} - 1
	* ```
	*
	* where \\(k\\) is the number of bits in the exponent; here, \\(k = 11\\).
	*
	* @constant
	* @type {integer32}
	* @default 1023
	* @see [IEEE 754]{@link https://en.wikipedia.org/wiki/IEEE_754-1985}
	*/
	var FLOAT64_EXPONENT_BIAS = 1023|0; // asm type annotation


	// EXPORTS //

	lib$J = FLOAT64_EXPONENT_BIAS;
	return lib$J;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$I;
var hasRequiredLib$I;

function requireLib$I () {
	if (hasRequiredLib$I) return lib$I;
	hasRequiredLib$I = 1;

	/**
	* The maximum biased base 2 exponent for a double-precision floating-point number.
	*
	* @module @stdlib/constants-float64-max-base2-exponent
	* @type {integer32}
	*
	* @example
	* var FLOAT64_MAX_BASE2_EXPONENT = require( '@stdlib/constants-float64-max-base2-exponent' );
	* // returns 1023
	*/


	// MAIN //

	/**
	* The maximum biased base 2 exponent for a double-precision floating-point number.
	*
	* ```text
	* 11111111110 => 2046 - BIAS = 1023
	* ```
	*
	* where `BIAS = 1023`.
	*
	* @constant
	* @type {integer32}
	* @default 1023
	* @see [IEEE 754]{@link https://en.wikipedia.org/wiki/IEEE_754-1985}
	*/
	var FLOAT64_MAX_BASE2_EXPONENT = 1023|0; // asm type annotation


	// EXPORTS //

	lib$I = FLOAT64_MAX_BASE2_EXPONENT;
	return lib$I;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$H;
var hasRequiredLib$H;

function requireLib$H () {
	if (hasRequiredLib$H) return lib$H;
	hasRequiredLib$H = 1;

	/**
	* The maximum biased base 2 exponent for a subnormal double-precision floating-point number.
	*
	* @module @stdlib/constants-float64-max-base2-exponent-subnormal
	* @type {integer32}
	*
	* @example
	* var FLOAT64_MAX_BASE2_EXPONENT_SUBNORMAL = require( '@stdlib/constants-float64-max-base2-exponent-subnormal' );
	* // returns -1023
	*/


	// MAIN //

	/**
	* The maximum biased base 2 exponent for a subnormal double-precision floating-point number.
	*
	* ```text
	* 00000000000 => 0 - BIAS = -1023
	* ```
	*
	* where `BIAS = 1023`.
	*
	* @constant
	* @type {integer32}
	* @default -1023
	* @see [IEEE 754]{@link https://en.wikipedia.org/wiki/IEEE_754-1985}
	*/
	var FLOAT64_MAX_BASE2_EXPONENT_SUBNORMAL = -1023|0; // asm type annotation


	// EXPORTS //

	lib$H = FLOAT64_MAX_BASE2_EXPONENT_SUBNORMAL;
	return lib$H;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$G;
var hasRequiredLib$G;

function requireLib$G () {
	if (hasRequiredLib$G) return lib$G;
	hasRequiredLib$G = 1;

	/**
	* The minimum biased base 2 exponent for a subnormal double-precision floating-point number.
	*
	* @module @stdlib/constants-float64-min-base2-exponent-subnormal
	* @type {integer32}
	*
	* @example
	* var FLOAT64_MIN_BASE2_EXPONENT_SUBNORMAL = require( '@stdlib/constants-float64-min-base2-exponent-subnormal' );
	* // returns -1074
	*/


	// MAIN //

	/**
	* The minimum biased base 2 exponent for a subnormal double-precision floating-point number.
	*
	* ```text
	* -(BIAS+(52-1)) = -(1023+51) = -1074
	* ```
	*
	* where `BIAS = 1023` and `52` is the number of digits in the significand.
	*
	* @constant
	* @type {integer32}
	* @default -1074
	* @see [IEEE 754]{@link https://en.wikipedia.org/wiki/IEEE_754-1985}
	*/
	var FLOAT64_MIN_BASE2_EXPONENT_SUBNORMAL = -1074|0; // asm type annotation


	// EXPORTS //

	lib$G = FLOAT64_MIN_BASE2_EXPONENT_SUBNORMAL;
	return lib$G;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$x;
var hasRequiredMain$x;

function requireMain$x () {
	if (hasRequiredMain$x) return main$x;
	hasRequiredMain$x = 1;

	// MODULES //

	var PINF = requireLib$K();
	var NINF = requireLib$L();


	// MAIN //

	/**
	* Tests if a double-precision floating-point numeric value is infinite.
	*
	* @param {number} x - value to test
	* @returns {boolean} boolean indicating whether the value is infinite
	*
	* @example
	* var bool = isInfinite( Infinity );
	* // returns true
	*
	* @example
	* var bool = isInfinite( -Infinity );
	* // returns true
	*
	* @example
	* var bool = isInfinite( 5.0 );
	* // returns false
	*
	* @example
	* var bool = isInfinite( NaN );
	* // returns false
	*/
	function isInfinite( x ) {
		return (x === PINF || x === NINF);
	}


	// EXPORTS //

	main$x = isInfinite;
	return main$x;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$F;
var hasRequiredLib$F;

function requireLib$F () {
	if (hasRequiredLib$F) return lib$F;
	hasRequiredLib$F = 1;

	/**
	* Test if a double-precision floating-point numeric value is infinite.
	*
	* @module @stdlib/math-base-assert-is-infinite
	*
	* @example
	* var isInfinite = require( '@stdlib/math-base-assert-is-infinite' );
	*
	* var bool = isInfinite( Infinity );
	* // returns true
	*
	* bool = isInfinite( -Infinity );
	* // returns true
	*
	* bool = isInfinite( 5.0 );
	* // returns false
	*
	* bool = isInfinite( NaN );
	* // returns false
	*/

	// MODULES //

	var main = requireMain$x();


	// EXPORTS //

	lib$F = main;
	return lib$F;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$E;
var hasRequiredLib$E;

function requireLib$E () {
	if (hasRequiredLib$E) return lib$E;
	hasRequiredLib$E = 1;

	/**
	* High word mask for the sign bit of a double-precision floating-point number.
	*
	* @module @stdlib/constants-float64-high-word-sign-mask
	* @type {uinteger32}
	*
	* @example
	* var FLOAT64_HIGH_WORD_SIGN_MASK = require( '@stdlib/constants-float64-high-word-sign-mask' );
	* // returns 2147483648
	*/


	// MAIN //

	/**
	* High word mask for the sign bit of a double-precision floating-point number.
	*
	* ## Notes
	*
	* The high word mask for the sign bit of a double-precision floating-point number is an unsigned 32-bit integer with the value \\( 2147483648 \\), which corresponds to the bit sequence
	*
	* ```binarystring
	* 1 00000000000 00000000000000000000
	* ```
	*
	* @constant
	* @type {uinteger32}
	* @default 0x80000000
	* @see [IEEE 754]{@link https://en.wikipedia.org/wiki/IEEE_754-1985}
	*/
	var FLOAT64_HIGH_WORD_SIGN_MASK = 0x80000000>>>0; // eslint-disable-line id-length


	// EXPORTS //

	lib$E = FLOAT64_HIGH_WORD_SIGN_MASK;
	return lib$E;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$D;
var hasRequiredLib$D;

function requireLib$D () {
	if (hasRequiredLib$D) return lib$D;
	hasRequiredLib$D = 1;

	/**
	* High word mask for excluding the sign bit of a double-precision floating-point number.
	*
	* @module @stdlib/constants-float64-high-word-abs-mask
	* @type {uinteger32}
	*
	* @example
	* var FLOAT64_HIGH_WORD_ABS_MASK = require( '@stdlib/constants-float64-high-word-abs-mask' );
	* // returns 2147483647
	*/


	// MAIN //

	/**
	* High word mask for excluding the sign bit of a double-precision floating-point number.
	*
	* ## Notes
	*
	* The high word mask for excluding the sign bit of a double-precision floating-point number is an unsigned 32-bit integer with the value \\( 2147483647 \\), which corresponds to the bit sequence
	*
	* ```binarystring
	* 0 11111111111 11111111111111111111
	* ```
	*
	* @constant
	* @type {uinteger32}
	* @default 0x7fffffff
	* @see [IEEE 754]{@link https://en.wikipedia.org/wiki/IEEE_754-1985}
	*/
	var FLOAT64_HIGH_WORD_ABS_MASK = 0x7fffffff>>>0; // eslint-disable-line id-length


	// EXPORTS //

	lib$D = FLOAT64_HIGH_WORD_ABS_MASK;
	return lib$D;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2021 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var define_property;
var hasRequiredDefine_property;

function requireDefine_property () {
	if (hasRequiredDefine_property) return define_property;
	hasRequiredDefine_property = 1;

	// MAIN //

	var main = ( typeof Object.defineProperty === 'function' ) ? Object.defineProperty : null;


	// EXPORTS //

	define_property = main;
	return define_property;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2021 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var has_define_property_support;
var hasRequiredHas_define_property_support;

function requireHas_define_property_support () {
	if (hasRequiredHas_define_property_support) return has_define_property_support;
	hasRequiredHas_define_property_support = 1;

	// MODULES //

	var defineProperty = requireDefine_property();


	// MAIN //

	/**
	* Tests for `Object.defineProperty` support.
	*
	* @private
	* @returns {boolean} boolean indicating if an environment has `Object.defineProperty` support
	*
	* @example
	* var bool = hasDefinePropertySupport();
	* // returns <boolean>
	*/
	function hasDefinePropertySupport() {
		// Test basic support...
		try {
			defineProperty( {}, 'x', {} );
			return true;
		} catch ( err ) { // eslint-disable-line no-unused-vars
			return false;
		}
	}


	// EXPORTS //

	has_define_property_support = hasDefinePropertySupport;
	return has_define_property_support;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var builtin;
var hasRequiredBuiltin;

function requireBuiltin () {
	if (hasRequiredBuiltin) return builtin;
	hasRequiredBuiltin = 1;

	// MAIN //

	/**
	* Defines (or modifies) an object property.
	*
	* ## Notes
	*
	* -   Property descriptors come in two flavors: **data descriptors** and **accessor descriptors**. A data descriptor is a property that has a value, which may or may not be writable. An accessor descriptor is a property described by a getter-setter function pair. A descriptor must be one of these two flavors and cannot be both.
	*
	* @name defineProperty
	* @type {Function}
	* @param {Object} obj - object on which to define the property
	* @param {(string|symbol)} prop - property name
	* @param {Object} descriptor - property descriptor
	* @param {boolean} [descriptor.configurable=false] - boolean indicating if property descriptor can be changed and if the property can be deleted from the provided object
	* @param {boolean} [descriptor.enumerable=false] - boolean indicating if the property shows up when enumerating object properties
	* @param {boolean} [descriptor.writable=false] - boolean indicating if the value associated with the property can be changed with an assignment operator
	* @param {*} [descriptor.value] - property value
	* @param {(Function|void)} [descriptor.get=undefined] - function which serves as a getter for the property, or, if no getter, undefined. When the property is accessed, a getter function is called without arguments and with the `this` context set to the object through which the property is accessed (which may not be the object on which the property is defined due to inheritance). The return value will be used as the property value.
	* @param {(Function|void)} [descriptor.set=undefined] - function which serves as a setter for the property, or, if no setter, undefined. When assigning a property value, a setter function is called with one argument (the value being assigned to the property) and with the `this` context set to the object through which the property is assigned.
	* @throws {TypeError} first argument must be an object
	* @throws {TypeError} third argument must be an object
	* @throws {Error} property descriptor cannot have both a value and a setter and/or getter
	* @returns {Object} object with added property
	*
	* @example
	* var obj = {};
	*
	* defineProperty( obj, 'foo', {
	*     'value': 'bar'
	* });
	*
	* var str = obj.foo;
	* // returns 'bar'
	*/
	var defineProperty = Object.defineProperty;


	// EXPORTS //

	builtin = defineProperty;
	return builtin;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var is_number;
var hasRequiredIs_number;

function requireIs_number () {
	if (hasRequiredIs_number) return is_number;
	hasRequiredIs_number = 1;

	/**
	* Tests if a value is a number primitive.
	*
	* @param {*} value - value to test
	* @returns {boolean} boolean indicating if a value is a number primitive
	*
	* @example
	* var bool = isNumber( 3.14 );
	* // returns true
	*
	* @example
	* var bool = isNumber( NaN );
	* // returns true
	*
	* @example
	* var bool = isNumber( new Number( 3.14 ) );
	* // returns false
	*/
	function isNumber( value ) {
		return ( typeof value === 'number' );  // NOTE: we inline the `isNumber.isPrimitive` function from `@stdlib/assert/is-number` in order to avoid circular dependencies.
	}


	// EXPORTS //

	is_number = isNumber;
	return is_number;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var zero_pad;
var hasRequiredZero_pad;

function requireZero_pad () {
	if (hasRequiredZero_pad) return zero_pad;
	hasRequiredZero_pad = 1;

	// FUNCTIONS //

	/**
	* Tests if a string starts with a minus sign (`-`).
	*
	* @private
	* @param {string} str - input string
	* @returns {boolean} boolean indicating if a string starts with a minus sign (`-`)
	*/
	function startsWithMinus( str ) {
		return str[ 0 ] === '-';
	}

	/**
	* Returns a string of `n` zeros.
	*
	* @private
	* @param {number} n - number of zeros
	* @returns {string} string of zeros
	*/
	function zeros( n ) {
		var out = '';
		var i;
		for ( i = 0; i < n; i++ ) {
			out += '0';
		}
		return out;
	}


	// MAIN //

	/**
	* Pads a token with zeros to the specified width.
	*
	* @private
	* @param {string} str - token argument
	* @param {number} width - token width
	* @param {boolean} [right=false] - boolean indicating whether to pad to the right
	* @returns {string} padded token argument
	*/
	function zeroPad( str, width, right ) {
		var negative = false;
		var pad = width - str.length;
		if ( pad < 0 ) {
			return str;
		}
		if ( startsWithMinus( str ) ) {
			negative = true;
			str = str.substr( 1 );
		}
		str = ( right ) ?
			str + zeros( pad ) :
			zeros( pad ) + str;
		if ( negative ) {
			str = '-' + str;
		}
		return str;
	}


	// EXPORTS //

	zero_pad = zeroPad;
	return zero_pad;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var format_integer;
var hasRequiredFormat_integer;

function requireFormat_integer () {
	if (hasRequiredFormat_integer) return format_integer;
	hasRequiredFormat_integer = 1;

	// MODULES //

	var isNumber = requireIs_number();
	var zeroPad = requireZero_pad();

	// NOTE: for the following, we explicitly avoid using stdlib packages in this particular package in order to avoid circular dependencies.
	var lowercase = String.prototype.toLowerCase;
	var uppercase = String.prototype.toUpperCase;


	// MAIN //

	/**
	* Formats a token object argument as an integer.
	*
	* @private
	* @param {Object} token - token object
	* @throws {Error} must provide a valid integer
	* @returns {string} formatted token argument
	*/
	function formatInteger( token ) {
		var base;
		var out;
		var i;

		switch ( token.specifier ) {
		case 'b':
			// Case: %b (binary)
			base = 2;
			break;
		case 'o':
			// Case: %o (octal)
			base = 8;
			break;
		case 'x':
		case 'X':
			// Case: %x, %X (hexadecimal)
			base = 16;
			break;
		case 'd':
		case 'i':
		case 'u':
		default:
			// Case: %d, %i, %u (decimal)
			base = 10;
			break;
		}
		out = token.arg;
		i = parseInt( out, 10 );
		if ( !isFinite( i ) ) { // NOTE: We use the global `isFinite` function here instead of `@stdlib/math/base/assert/is-finite` in order to avoid circular dependencies.
			if ( !isNumber( out ) ) {
				throw new Error( 'invalid integer. Value: ' + out );
			}
			i = 0;
		}
		if ( i < 0 && ( token.specifier === 'u' || base !== 10 ) ) {
			i = 0xffffffff + i + 1;
		}
		if ( i < 0 ) {
			out = ( -i ).toString( base );
			if ( token.precision ) {
				out = zeroPad( out, token.precision, token.padRight );
			}
			out = '-' + out;
		} else {
			out = i.toString( base );
			if ( !i && !token.precision ) {
				out = '';
			} else if ( token.precision ) {
				out = zeroPad( out, token.precision, token.padRight );
			}
			if ( token.sign ) {
				out = token.sign + out;
			}
		}
		if ( base === 16 ) {
			if ( token.alternate ) {
				out = '0x' + out;
			}
			out = ( token.specifier === uppercase.call( token.specifier ) ) ?
				uppercase.call( out ) :
				lowercase.call( out );
		}
		if ( base === 8 ) {
			if ( token.alternate && out.charAt( 0 ) !== '0' ) {
				out = '0' + out;
			}
		}
		return out;
	}


	// EXPORTS //

	format_integer = formatInteger;
	return format_integer;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var is_string$1;
var hasRequiredIs_string$1;

function requireIs_string$1 () {
	if (hasRequiredIs_string$1) return is_string$1;
	hasRequiredIs_string$1 = 1;

	/**
	* Tests if a value is a string primitive.
	*
	* @param {*} value - value to test
	* @returns {boolean} boolean indicating if a value is a string primitive
	*
	* @example
	* var bool = isString( 'beep' );
	* // returns true
	*
	* @example
	* var bool = isString( new String( 'beep' ) );
	* // returns false
	*/
	function isString( value ) {
		return ( typeof value === 'string' ); // NOTE: we inline the `isString.isPrimitive` function from `@stdlib/assert/is-string` in order to avoid circular dependencies.
	}


	// EXPORTS //

	is_string$1 = isString;
	return is_string$1;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var format_double;
var hasRequiredFormat_double;

function requireFormat_double () {
	if (hasRequiredFormat_double) return format_double;
	hasRequiredFormat_double = 1;

	// MODULES //

	// NOTE: for the following, we explicitly avoid using stdlib packages in this particular package in order to avoid circular dependencies.
	var abs = Math.abs; // eslint-disable-line stdlib/no-builtin-math
	var lowercase = String.prototype.toLowerCase;
	var uppercase = String.prototype.toUpperCase;
	var replace = String.prototype.replace;


	// VARIABLES //

	var RE_EXP_POS_DIGITS = /e\+(\d)$/;
	var RE_EXP_NEG_DIGITS = /e-(\d)$/;
	var RE_ONLY_DIGITS = /^(\d+)$/;
	var RE_DIGITS_BEFORE_EXP = /^(\d+)e/;
	var RE_TRAILING_PERIOD_ZERO = /\.0$/;
	var RE_PERIOD_ZERO_EXP = /\.0*e/;
	var RE_ZERO_BEFORE_EXP = /(\..*[^0])0*e/;


	// MAIN //

	/**
	* Formats a token object argument as a floating-point number.
	*
	* @private
	* @param {number} f - parsed number
	* @param {Object} token - token object
	* @throws {Error} must provide a valid floating-point number
	* @returns {string} formatted token argument
	*/
	function formatDouble( f, token ) {
		var digits;
		var out;

		switch ( token.specifier ) {
		case 'e':
		case 'E':
			out = f.toExponential( token.precision );
			break;
		case 'f':
		case 'F':
			out = f.toFixed( token.precision );
			break;
		case 'g':
		case 'G':
			if ( abs( f ) < 0.0001 ) {
				digits = token.precision;
				if ( digits > 0 ) {
					digits -= 1;
				}
				out = f.toExponential( digits );
			} else {
				out = f.toPrecision( token.precision );
			}
			if ( !token.alternate ) {
				out = replace.call( out, RE_ZERO_BEFORE_EXP, '$1e' );
				out = replace.call( out, RE_PERIOD_ZERO_EXP, 'e' );
				out = replace.call( out, RE_TRAILING_PERIOD_ZERO, '' );
			}
			break;
		default:
			throw new Error( 'invalid double notation. Value: ' + token.specifier );
		}
		out = replace.call( out, RE_EXP_POS_DIGITS, 'e+0$1' );
		out = replace.call( out, RE_EXP_NEG_DIGITS, 'e-0$1' );
		if ( token.alternate ) {
			out = replace.call( out, RE_ONLY_DIGITS, '$1.' );
			out = replace.call( out, RE_DIGITS_BEFORE_EXP, '$1.e' );
		}
		if ( f >= 0 && token.sign ) {
			out = token.sign + out;
		}
		out = ( token.specifier === uppercase.call( token.specifier ) ) ?
			uppercase.call( out ) :
			lowercase.call( out );
		return out;
	}


	// EXPORTS //

	format_double = formatDouble;
	return format_double;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var space_pad;
var hasRequiredSpace_pad;

function requireSpace_pad () {
	if (hasRequiredSpace_pad) return space_pad;
	hasRequiredSpace_pad = 1;

	// FUNCTIONS //

	/**
	* Returns `n` spaces.
	*
	* @private
	* @param {number} n - number of spaces
	* @returns {string} string of spaces
	*/
	function spaces( n ) {
		var out = '';
		var i;
		for ( i = 0; i < n; i++ ) {
			out += ' ';
		}
		return out;
	}


	// MAIN //

	/**
	* Pads a token with spaces to the specified width.
	*
	* @private
	* @param {string} str - token argument
	* @param {number} width - token width
	* @param {boolean} [right=false] - boolean indicating whether to pad to the right
	* @returns {string} padded token argument
	*/
	function spacePad( str, width, right ) {
		var pad = width - str.length;
		if ( pad < 0 ) {
			return str;
		}
		str = ( right ) ?
			str + spaces( pad ) :
			spaces( pad ) + str;
		return str;
	}


	// EXPORTS //

	space_pad = spacePad;
	return space_pad;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$w;
var hasRequiredMain$w;

function requireMain$w () {
	if (hasRequiredMain$w) return main$w;
	hasRequiredMain$w = 1;

	// MODULES //

	var formatInteger = requireFormat_integer();
	var isString = requireIs_string$1();
	var isNumber = requireIs_number();
	var formatDouble = requireFormat_double();
	var spacePad = requireSpace_pad();
	var zeroPad = requireZero_pad();


	// VARIABLES //

	var fromCharCode = String.fromCharCode;
	var isArray = Array.isArray; // NOTE: We use the global `Array.isArray` function here instead of `@stdlib/assert/is-array` to avoid circular dependencies.


	// FUNCTIONS //

	/**
	* Returns a boolean indicating whether a value is `NaN`.
	*
	* @private
	* @param {*} value - input value
	* @returns {boolean} boolean indicating whether a value is `NaN`
	*
	* @example
	* var bool = isnan( NaN );
	* // returns true
	*
	* @example
	* var bool = isnan( 4 );
	* // returns false
	*/
	function isnan( value ) { // explicitly define a function here instead of `@stdlib/math/base/assert/is-nan` in order to avoid circular dependencies
		return ( value !== value );
	}

	/**
	* Initializes token object with properties of supplied format identifier object or default values if not present.
	*
	* @private
	* @param {Object} token - format identifier object
	* @returns {Object} token object
	*/
	function initialize( token ) {
		var out = {};
		out.specifier = token.specifier;
		out.precision = ( token.precision === void 0 ) ? 1 : token.precision;
		out.width = token.width;
		out.flags = token.flags || '';
		out.mapping = token.mapping;
		return out;
	}


	// MAIN //

	/**
	* Generates string from a token array by interpolating values.
	*
	* @param {Array} tokens - string parts and format identifier objects
	* @param {Array} ...args - variable values
	* @throws {TypeError} first argument must be an array
	* @throws {Error} invalid flags
	* @returns {string} formatted string
	*
	* @example
	* var tokens = [ 'beep ', { 'specifier': 's' } ];
	* var out = formatInterpolate( tokens, 'boop' );
	* // returns 'beep boop'
	*/
	function formatInterpolate( tokens ) {
		var hasPeriod;
		var flags;
		var token;
		var flag;
		var num;
		var out;
		var pos;
		var f;
		var i;
		var j;

		if ( !isArray( tokens ) ) {
			throw new TypeError( 'invalid argument. First argument must be an array. Value: `' + tokens + '`.' );
		}
		out = '';
		pos = 1;
		for ( i = 0; i < tokens.length; i++ ) {
			token = tokens[ i ];
			if ( isString( token ) ) {
				out += token;
			} else {
				hasPeriod = token.precision !== void 0;
				token = initialize( token );
				if ( !token.specifier ) {
					throw new TypeError( 'invalid argument. Token is missing `specifier` property. Index: `'+ i +'`. Value: `' + token + '`.' );
				}
				if ( token.mapping ) {
					pos = token.mapping;
				}
				flags = token.flags;
				for ( j = 0; j < flags.length; j++ ) {
					flag = flags.charAt( j );
					switch ( flag ) {
					case ' ':
						token.sign = ' ';
						break;
					case '+':
						token.sign = '+';
						break;
					case '-':
						token.padRight = true;
						token.padZeros = false;
						break;
					case '0':
						token.padZeros = flags.indexOf( '-' ) < 0; // NOTE: We use built-in `Array.prototype.indexOf` here instead of `@stdlib/assert/contains` in order to avoid circular dependencies.
						break;
					case '#':
						token.alternate = true;
						break;
					default:
						throw new Error( 'invalid flag: ' + flag );
					}
				}
				if ( token.width === '*' ) {
					token.width = parseInt( arguments[ pos ], 10 );
					pos += 1;
					if ( isnan( token.width ) ) {
						throw new TypeError( 'the argument for * width at position ' + pos + ' is not a number. Value: `' + token.width + '`.' );
					}
					if ( token.width < 0 ) {
						token.padRight = true;
						token.width = -token.width;
					}
				}
				if ( hasPeriod ) {
					if ( token.precision === '*' ) {
						token.precision = parseInt( arguments[ pos ], 10 );
						pos += 1;
						if ( isnan( token.precision ) ) {
							throw new TypeError( 'the argument for * precision at position ' + pos + ' is not a number. Value: `' + token.precision + '`.' );
						}
						if ( token.precision < 0 ) {
							token.precision = 1;
							hasPeriod = false;
						}
					}
				}
				token.arg = arguments[ pos ];
				switch ( token.specifier ) {
				case 'b':
				case 'o':
				case 'x':
				case 'X':
				case 'd':
				case 'i':
				case 'u':
					// Case: %b (binary), %o (octal), %x, %X (hexadecimal), %d, %i (decimal), %u (unsigned decimal)
					if ( hasPeriod ) {
						token.padZeros = false;
					}
					token.arg = formatInteger( token );
					break;
				case 's':
					// Case: %s (string)
					token.maxWidth = ( hasPeriod ) ? token.precision : -1;
					token.arg = String( token.arg );
					break;
				case 'c':
					// Case: %c (character)
					if ( !isnan( token.arg ) ) {
						num = parseInt( token.arg, 10 );
						if ( num < 0 || num > 127 ) {
							throw new Error( 'invalid character code. Value: ' + token.arg );
						}
						token.arg = ( isnan( num ) ) ? String( token.arg ) : fromCharCode( num ); // eslint-disable-line max-len
					}
					break;
				case 'e':
				case 'E':
				case 'f':
				case 'F':
				case 'g':
				case 'G':
					// Case: %e, %E (scientific notation), %f, %F (decimal floating point), %g, %G (uses the shorter of %e/E or %f/F)
					if ( !hasPeriod ) {
						token.precision = 6;
					}
					f = parseFloat( token.arg );
					if ( !isFinite( f ) ) { // NOTE: We use the global `isFinite` function here instead of `@stdlib/math/base/assert/is-finite` in order to avoid circular dependencies.
						if ( !isNumber( token.arg ) ) {
							throw new Error( 'invalid floating-point number. Value: ' + out );
						}
						// Case: NaN, Infinity, or -Infinity
						f = token.arg;
						token.padZeros = false;
					}
					token.arg = formatDouble( f, token );
					break;
				default:
					throw new Error( 'invalid specifier: ' + token.specifier );
				}
				// Fit argument into field width...
				if ( token.maxWidth >= 0 && token.arg.length > token.maxWidth ) {
					token.arg = token.arg.substring( 0, token.maxWidth );
				}
				if ( token.padZeros ) {
					token.arg = zeroPad( token.arg, token.width || token.precision, token.padRight ); // eslint-disable-line max-len
				} else if ( token.width ) {
					token.arg = spacePad( token.arg, token.width, token.padRight );
				}
				out += token.arg || '';
				pos += 1;
			}
		}
		return out;
	}


	// EXPORTS //

	main$w = formatInterpolate;
	return main$w;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$C;
var hasRequiredLib$C;

function requireLib$C () {
	if (hasRequiredLib$C) return lib$C;
	hasRequiredLib$C = 1;

	/**
	* Generate string from a token array by interpolating values.
	*
	* @module @stdlib/string-base-format-interpolate
	*
	* @example
	* var formatInterpolate = require( '@stdlib/string-base-format-interpolate' );
	*
	* var tokens = ['Hello ', { 'specifier': 's' }, '!' ];
	* var out = formatInterpolate( tokens, 'World' );
	* // returns 'Hello World!'
	*/

	// MODULES //

	var main = requireMain$w();


	// EXPORTS //

	lib$C = main;
	return lib$C;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$v;
var hasRequiredMain$v;

function requireMain$v () {
	if (hasRequiredMain$v) return main$v;
	hasRequiredMain$v = 1;

	// VARIABLES //

	var RE = /%(?:([1-9]\d*)\$)?([0 +\-#]*)(\*|\d+)?(?:(\.)(\*|\d+)?)?[hlL]?([%A-Za-z])/g;


	// FUNCTIONS //

	/**
	* Parses a delimiter.
	*
	* @private
	* @param {Array} match - regular expression match
	* @returns {Object} delimiter token object
	*/
	function parse( match ) {
		var token = {
			'mapping': ( match[ 1 ] ) ? parseInt( match[ 1 ], 10 ) : void 0,
			'flags': match[ 2 ],
			'width': match[ 3 ],
			'precision': match[ 5 ],
			'specifier': match[ 6 ]
		};
		if ( match[ 4 ] === '.' && match[ 5 ] === void 0 ) {
			token.precision = '1';
		}
		return token;
	}


	// MAIN //

	/**
	* Tokenizes a string into an array of string parts and format identifier objects.
	*
	* @param {string} str - input string
	* @returns {Array} tokens
	*
	* @example
	* var tokens = formatTokenize( 'Hello %s!' );
	* // returns [ 'Hello ', {...}, '!' ]
	*/
	function formatTokenize( str ) {
		var content;
		var tokens;
		var match;
		var prev;

		tokens = [];
		prev = 0;
		match = RE.exec( str );
		while ( match ) {
			content = str.slice( prev, RE.lastIndex - match[ 0 ].length );
			if ( content.length ) {
				tokens.push( content );
			}
			// Check for an escaped percent sign `%%`...
			if ( match[ 6 ] === '%' ) {
				tokens.push( '%' );
			} else {
				tokens.push( parse( match ) );
			}
			prev = RE.lastIndex;
			match = RE.exec( str );
		}
		content = str.slice( prev );
		if ( content.length ) {
			tokens.push( content );
		}
		return tokens;
	}


	// EXPORTS //

	main$v = formatTokenize;
	return main$v;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$B;
var hasRequiredLib$B;

function requireLib$B () {
	if (hasRequiredLib$B) return lib$B;
	hasRequiredLib$B = 1;

	/**
	* Tokenize a string into an array of string parts and format identifier objects.
	*
	* @module @stdlib/string-base-format-tokenize
	*
	* @example
	* var formatTokenize = require( '@stdlib/string-base-format-tokenize' );
	*
	* var str = 'Hello %s!';
	* var tokens = formatTokenize( str );
	* // returns [ 'Hello ', {...}, '!' ]
	*/

	// MODULES //

	var main = requireMain$v();


	// EXPORTS //

	lib$B = main;
	return lib$B;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var is_string;
var hasRequiredIs_string;

function requireIs_string () {
	if (hasRequiredIs_string) return is_string;
	hasRequiredIs_string = 1;

	/**
	* Tests if a value is a string primitive.
	*
	* @param {*} value - value to test
	* @returns {boolean} boolean indicating if a value is a string primitive
	*
	* @example
	* var bool = isString( 'beep' );
	* // returns true
	*
	* @example
	* var bool = isString( new String( 'beep' ) );
	* // returns false
	*/
	function isString( value ) {
		return ( typeof value === 'string' ); // NOTE: we inline the `isString.isPrimitive` function from `@stdlib/assert/is-string` in order to avoid circular dependencies.
	}


	// EXPORTS //

	is_string = isString;
	return is_string;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$u;
var hasRequiredMain$u;

function requireMain$u () {
	if (hasRequiredMain$u) return main$u;
	hasRequiredMain$u = 1;

	// MODULES //

	var interpolate = requireLib$C();
	var tokenize = requireLib$B();
	var isString = requireIs_string();


	// MAIN //

	/**
	* Inserts supplied variable values into a format string.
	*
	* @param {string} str - input string
	* @param {Array} ...args - variable values
	* @throws {TypeError} first argument must be a string
	* @throws {Error} invalid flags
	* @returns {string} formatted string
	*
	* @example
	* var str = format( 'Hello %s!', 'world' );
	* // returns 'Hello world!'
	*
	* @example
	* var str = format( 'Pi: ~%.2f', 3.141592653589793 );
	* // returns 'Pi: ~3.14'
	*/
	function format( str ) {
		var args;
		var i;

		if ( !isString( str ) ) {
			throw new TypeError( format( 'invalid argument. First argument must be a string. Value: `%s`.', str ) );
		}
		args = [ tokenize( str ) ];
		for ( i = 1; i < arguments.length; i++ ) {
			args.push( arguments[ i ] );
		}
		return interpolate.apply( null, args );
	}


	// EXPORTS //

	main$u = format;
	return main$u;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$A;
var hasRequiredLib$A;

function requireLib$A () {
	if (hasRequiredLib$A) return lib$A;
	hasRequiredLib$A = 1;

	/**
	* Insert supplied variable values into a format string.
	*
	* @module @stdlib/string-format
	*
	* @example
	* var format = require( '@stdlib/string-format' );
	*
	* var out = format( '%s %s!', 'Hello', 'World' );
	* // returns 'Hello World!'
	*
	* out = format( 'Pi: ~%.2f', 3.141592653589793 );
	* // returns 'Pi: ~3.14'
	*/

	// MODULES //

	var main = requireMain$u();


	// EXPORTS //

	lib$A = main;
	return lib$A;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var polyfill$1;
var hasRequiredPolyfill$5;

function requirePolyfill$5 () {
	if (hasRequiredPolyfill$5) return polyfill$1;
	hasRequiredPolyfill$5 = 1;

	// MODULES //

	var format = requireLib$A();


	// VARIABLES //

	var objectProtoype = Object.prototype;
	var toStr = objectProtoype.toString;
	var defineGetter = objectProtoype.__defineGetter__;
	var defineSetter = objectProtoype.__defineSetter__;
	var lookupGetter = objectProtoype.__lookupGetter__;
	var lookupSetter = objectProtoype.__lookupSetter__;


	// MAIN //

	/**
	* Defines (or modifies) an object property.
	*
	* ## Notes
	*
	* -   Property descriptors come in two flavors: **data descriptors** and **accessor descriptors**. A data descriptor is a property that has a value, which may or may not be writable. An accessor descriptor is a property described by a getter-setter function pair. A descriptor must be one of these two flavors and cannot be both.
	*
	* @param {Object} obj - object on which to define the property
	* @param {string} prop - property name
	* @param {Object} descriptor - property descriptor
	* @param {boolean} [descriptor.configurable=false] - boolean indicating if property descriptor can be changed and if the property can be deleted from the provided object
	* @param {boolean} [descriptor.enumerable=false] - boolean indicating if the property shows up when enumerating object properties
	* @param {boolean} [descriptor.writable=false] - boolean indicating if the value associated with the property can be changed with an assignment operator
	* @param {*} [descriptor.value] - property value
	* @param {(Function|void)} [descriptor.get=undefined] - function which serves as a getter for the property, or, if no getter, undefined. When the property is accessed, a getter function is called without arguments and with the `this` context set to the object through which the property is accessed (which may not be the object on which the property is defined due to inheritance). The return value will be used as the property value.
	* @param {(Function|void)} [descriptor.set=undefined] - function which serves as a setter for the property, or, if no setter, undefined. When assigning a property value, a setter function is called with one argument (the value being assigned to the property) and with the `this` context set to the object through which the property is assigned.
	* @throws {TypeError} first argument must be an object
	* @throws {TypeError} third argument must be an object
	* @throws {Error} property descriptor cannot have both a value and a setter and/or getter
	* @returns {Object} object with added property
	*
	* @example
	* var obj = {};
	*
	* defineProperty( obj, 'foo', {
	*     'value': 'bar'
	* });
	*
	* var str = obj.foo;
	* // returns 'bar'
	*/
	function defineProperty( obj, prop, descriptor ) {
		var prototype;
		var hasValue;
		var hasGet;
		var hasSet;

		if ( typeof obj !== 'object' || obj === null || toStr.call( obj ) === '[object Array]' ) {
			throw new TypeError( format( 'invalid argument. First argument must be an object. Value: `%s`.', obj ) );
		}
		if ( typeof descriptor !== 'object' || descriptor === null || toStr.call( descriptor ) === '[object Array]' ) {
			throw new TypeError( format( 'invalid argument. Property descriptor must be an object. Value: `%s`.', descriptor ) );
		}
		hasValue = ( 'value' in descriptor );
		if ( hasValue ) {
			if (
				lookupGetter.call( obj, prop ) ||
				lookupSetter.call( obj, prop )
			) {
				// Override `__proto__` to avoid touching inherited accessors:
				prototype = obj.__proto__;
				obj.__proto__ = objectProtoype;

				// Delete property as existing getters/setters prevent assigning value to specified property:
				delete obj[ prop ];
				obj[ prop ] = descriptor.value;

				// Restore original prototype:
				obj.__proto__ = prototype;
			} else {
				obj[ prop ] = descriptor.value;
			}
		}
		hasGet = ( 'get' in descriptor );
		hasSet = ( 'set' in descriptor );

		if ( hasValue && ( hasGet || hasSet ) ) {
			throw new Error( 'invalid argument. Cannot specify one or more accessors and a value or writable attribute in the property descriptor.' );
		}

		if ( hasGet && defineGetter ) {
			defineGetter.call( obj, prop, descriptor.get );
		}
		if ( hasSet && defineSetter ) {
			defineSetter.call( obj, prop, descriptor.set );
		}
		return obj;
	}


	// EXPORTS //

	polyfill$1 = defineProperty;
	return polyfill$1;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$z;
var hasRequiredLib$z;

function requireLib$z () {
	if (hasRequiredLib$z) return lib$z;
	hasRequiredLib$z = 1;

	/**
	* Define (or modify) an object property.
	*
	* @module @stdlib/utils-define-property
	*
	* @example
	* var defineProperty = require( '@stdlib/utils-define-property' );
	*
	* var obj = {};
	* defineProperty( obj, 'foo', {
	*     'value': 'bar',
	*     'writable': false,
	*     'configurable': false,
	*     'enumerable': false
	* });
	* obj.foo = 'boop'; // => throws
	*/

	// MODULES //

	var hasDefinePropertySupport = requireHas_define_property_support();
	var builtin = requireBuiltin();
	var polyfill = requirePolyfill$5();


	// MAIN //

	var defineProperty;
	if ( hasDefinePropertySupport() ) {
		defineProperty = builtin;
	} else {
		defineProperty = polyfill;
	}


	// EXPORTS //

	lib$z = defineProperty;
	return lib$z;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$t;
var hasRequiredMain$t;

function requireMain$t () {
	if (hasRequiredMain$t) return main$t;
	hasRequiredMain$t = 1;

	// MODULES //

	var defineProperty = requireLib$z();


	// MAIN //

	/**
	* Defines a non-enumerable read-only property.
	*
	* @param {Object} obj - object on which to define the property
	* @param {(string|symbol)} prop - property name
	* @param {*} value - value to set
	*
	* @example
	* var obj = {};
	*
	* setNonEnumerableReadOnly( obj, 'foo', 'bar' );
	*
	* try {
	*     obj.foo = 'boop';
	* } catch ( err ) {
	*     console.error( err.message );
	* }
	*/
	function setNonEnumerableReadOnly( obj, prop, value ) {
		defineProperty( obj, prop, {
			'configurable': false,
			'enumerable': false,
			'writable': false,
			'value': value
		});
	}


	// EXPORTS //

	main$t = setNonEnumerableReadOnly;
	return main$t;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$y;
var hasRequiredLib$y;

function requireLib$y () {
	if (hasRequiredLib$y) return lib$y;
	hasRequiredLib$y = 1;

	/**
	* Define a non-enumerable read-only property.
	*
	* @module @stdlib/utils-define-nonenumerable-read-only-property
	*
	* @example
	* var setNonEnumerableReadOnly = require( '@stdlib/utils-define-nonenumerable-read-only-property' );
	*
	* var obj = {};
	*
	* setNonEnumerableReadOnly( obj, 'foo', 'bar' );
	*
	* try {
	*     obj.foo = 'boop';
	* } catch ( err ) {
	*     console.error( err.message );
	* }
	*/

	// MODULES //

	var main = requireMain$t();


	// EXPORTS //

	lib$y = main;
	return lib$y;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$s;
var hasRequiredMain$s;

function requireMain$s () {
	if (hasRequiredMain$s) return main$s;
	hasRequiredMain$s = 1;

	// MAIN //

	/**
	* Tests for native `Symbol` support.
	*
	* @returns {boolean} boolean indicating if an environment has `Symbol` support
	*
	* @example
	* var bool = hasSymbolSupport();
	* // returns <boolean>
	*/
	function hasSymbolSupport() {
		return (
			typeof Symbol === 'function' &&
			typeof Symbol( 'foo' ) === 'symbol'
		);
	}


	// EXPORTS //

	main$s = hasSymbolSupport;
	return main$s;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$x;
var hasRequiredLib$x;

function requireLib$x () {
	if (hasRequiredLib$x) return lib$x;
	hasRequiredLib$x = 1;

	/**
	* Test for native `Symbol` support.
	*
	* @module @stdlib/assert-has-symbol-support
	*
	* @example
	* var hasSymbolSupport = require( '@stdlib/assert-has-symbol-support' );
	*
	* var bool = hasSymbolSupport();
	* // returns <boolean>
	*/

	// MODULES //

	var main = requireMain$s();


	// EXPORTS //

	lib$x = main;
	return lib$x;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$r;
var hasRequiredMain$r;

function requireMain$r () {
	if (hasRequiredMain$r) return main$r;
	hasRequiredMain$r = 1;

	// MODULES //

	var hasSymbols = requireLib$x();


	// VARIABLES //

	var FLG = hasSymbols();


	// MAIN //

	/**
	* Tests for native `Symbol.toStringTag` support.
	*
	* @returns {boolean} boolean indicating if an environment has `Symbol.toStringTag` support
	*
	* @example
	* var bool = hasToStringTagSupport();
	* // returns <boolean>
	*/
	function hasToStringTagSupport() {
		return ( FLG && typeof Symbol.toStringTag === 'symbol' );
	}


	// EXPORTS //

	main$r = hasToStringTagSupport;
	return main$r;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$w;
var hasRequiredLib$w;

function requireLib$w () {
	if (hasRequiredLib$w) return lib$w;
	hasRequiredLib$w = 1;

	/**
	* Test for native `toStringTag` support.
	*
	* @module @stdlib/assert-has-tostringtag-support
	*
	* @example
	* var hasToStringTagSupport = require( '@stdlib/assert-has-tostringtag-support' );
	*
	* var bool = hasToStringTagSupport();
	* // returns <boolean>
	*/

	// MODULES //

	var main = requireMain$r();


	// EXPORTS //

	lib$w = main;
	return lib$w;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var tostring;
var hasRequiredTostring;

function requireTostring () {
	if (hasRequiredTostring) return tostring;
	hasRequiredTostring = 1;

	// MAIN //

	var toStr = Object.prototype.toString;


	// EXPORTS //

	tostring = toStr;
	return tostring;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$q;
var hasRequiredMain$q;

function requireMain$q () {
	if (hasRequiredMain$q) return main$q;
	hasRequiredMain$q = 1;

	// MODULES //

	var toStr = requireTostring();


	// MAIN //

	/**
	* Returns a string value indicating a specification defined classification (via the internal property `[[Class]]`) of an object.
	*
	* @param {*} v - input value
	* @returns {string} string value indicating a specification defined classification of the input value
	*
	* @example
	* var str = nativeClass( 'a' );
	* // returns '[object String]'
	*
	* @example
	* var str = nativeClass( 5 );
	* // returns '[object Number]'
	*
	* @example
	* function Beep() {
	*     return this;
	* }
	* var str = nativeClass( new Beep() );
	* // returns '[object Object]'
	*/
	function nativeClass( v ) {
		return toStr.call( v );
	}


	// EXPORTS //

	main$q = nativeClass;
	return main$q;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$p;
var hasRequiredMain$p;

function requireMain$p () {
	if (hasRequiredMain$p) return main$p;
	hasRequiredMain$p = 1;

	// FUNCTIONS //

	var has = Object.prototype.hasOwnProperty;


	// MAIN //

	/**
	* Tests if an object has a specified property.
	*
	* @param {*} value - value to test
	* @param {*} property - property to test
	* @returns {boolean} boolean indicating if an object has a specified property
	*
	* @example
	* var beep = {
	*     'boop': true
	* };
	*
	* var bool = hasOwnProp( beep, 'boop' );
	* // returns true
	*
	* @example
	* var beep = {
	*     'boop': true
	* };
	*
	* var bool = hasOwnProp( beep, 'bap' );
	* // returns false
	*/
	function hasOwnProp( value, property ) {
		if (
			value === void 0 ||
			value === null
		) {
			return false;
		}
		return has.call( value, property );
	}


	// EXPORTS //

	main$p = hasOwnProp;
	return main$p;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$v;
var hasRequiredLib$v;

function requireLib$v () {
	if (hasRequiredLib$v) return lib$v;
	hasRequiredLib$v = 1;

	/**
	* Test whether an object has a specified property.
	*
	* @module @stdlib/assert-has-own-property
	*
	* @example
	* var hasOwnProp = require( '@stdlib/assert-has-own-property' );
	*
	* var beep = {
	*     'boop': true
	* };
	*
	* var bool = hasOwnProp( beep, 'boop' );
	* // returns true
	*
	* bool = hasOwnProp( beep, 'bop' );
	* // returns false
	*/

	// MODULES //

	var main = requireMain$p();


	// EXPORTS //

	lib$v = main;
	return lib$v;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$o;
var hasRequiredMain$o;

function requireMain$o () {
	if (hasRequiredMain$o) return main$o;
	hasRequiredMain$o = 1;

	// MAIN //

	var Sym = ( typeof Symbol === 'function' ) ? Symbol : void 0; // eslint-disable-line stdlib/require-globals


	// EXPORTS //

	main$o = Sym;
	return main$o;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$u;
var hasRequiredLib$u;

function requireLib$u () {
	if (hasRequiredLib$u) return lib$u;
	hasRequiredLib$u = 1;

	/**
	* Symbol factory.
	*
	* @module @stdlib/symbol-ctor
	*
	* @example
	* var Symbol = require( '@stdlib/symbol-ctor' );
	*
	* var s = Symbol( 'beep' );
	* // returns <symbol>
	*/

	// MODULES //

	var main = requireMain$o();


	// EXPORTS //

	lib$u = main;
	return lib$u;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var tostringtag;
var hasRequiredTostringtag;

function requireTostringtag () {
	if (hasRequiredTostringtag) return tostringtag;
	hasRequiredTostringtag = 1;

	// MODULES //

	var Symbol = requireLib$u();


	// MAIN //

	var toStrTag = ( typeof Symbol === 'function' ) ? Symbol.toStringTag : '';


	// EXPORTS //

	tostringtag = toStrTag;
	return tostringtag;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var polyfill;
var hasRequiredPolyfill$4;

function requirePolyfill$4 () {
	if (hasRequiredPolyfill$4) return polyfill;
	hasRequiredPolyfill$4 = 1;

	// MODULES //

	var hasOwnProp = requireLib$v();
	var toStringTag = requireTostringtag();
	var toStr = requireTostring();


	// MAIN //

	/**
	* Returns a string value indicating a specification defined classification of an object in environments supporting `Symbol.toStringTag`.
	*
	* @param {*} v - input value
	* @returns {string} string value indicating a specification defined classification of the input value
	*
	* @example
	* var str = nativeClass( 'a' );
	* // returns '[object String]'
	*
	* @example
	* var str = nativeClass( 5 );
	* // returns '[object Number]'
	*
	* @example
	* function Beep() {
	*     return this;
	* }
	* var str = nativeClass( new Beep() );
	* // returns '[object Object]'
	*/
	function nativeClass( v ) {
		var isOwn;
		var tag;
		var out;

		if ( v === null || v === void 0 ) {
			return toStr.call( v );
		}
		tag = v[ toStringTag ];
		isOwn = hasOwnProp( v, toStringTag );

		// Attempt to override the `toStringTag` property. For built-ins having a `Symbol.toStringTag` property (e.g., `JSON`, `Math`, etc), the `Symbol.toStringTag` property is read-only (e.g., , so we need to wrap in a `try/catch`.
		try {
			v[ toStringTag ] = void 0;
		} catch ( err ) { // eslint-disable-line no-unused-vars
			return toStr.call( v );
		}
		out = toStr.call( v );

		if ( isOwn ) {
			v[ toStringTag ] = tag;
		} else {
			delete v[ toStringTag ];
		}
		return out;
	}


	// EXPORTS //

	polyfill = nativeClass;
	return polyfill;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$t;
var hasRequiredLib$t;

function requireLib$t () {
	if (hasRequiredLib$t) return lib$t;
	hasRequiredLib$t = 1;

	/**
	* Return a string value indicating a specification defined classification of an object.
	*
	* @module @stdlib/utils-native-class
	*
	* @example
	* var nativeClass = require( '@stdlib/utils-native-class' );
	*
	* var str = nativeClass( 'a' );
	* // returns '[object String]'
	*
	* str = nativeClass( 5 );
	* // returns '[object Number]'
	*
	* function Beep() {
	*     return this;
	* }
	* str = nativeClass( new Beep() );
	* // returns '[object Object]'
	*/

	// MODULES //

	var hasToStringTag = requireLib$w();
	var builtin = requireMain$q();
	var polyfill = requirePolyfill$4();


	// MAIN //

	var main;
	if ( hasToStringTag() ) {
		main = polyfill;
	} else {
		main = builtin;
	}


	// EXPORTS //

	lib$t = main;
	return lib$t;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$n;
var hasRequiredMain$n;

function requireMain$n () {
	if (hasRequiredMain$n) return main$n;
	hasRequiredMain$n = 1;

	// MODULES //

	var nativeClass = requireLib$t();


	// VARIABLES //

	var hasUint32Array = ( typeof Uint32Array === 'function' ); // eslint-disable-line stdlib/require-globals


	// MAIN //

	/**
	* Tests if a value is a Uint32Array.
	*
	* @param {*} value - value to test
	* @returns {boolean} boolean indicating whether value is a Uint32Array
	*
	* @example
	* var Uint32Array = require( '@stdlib/array-uint32' );
	*
	* var bool = isUint32Array( new Uint32Array( 10 ) );
	* // returns true
	*
	* @example
	* var bool = isUint32Array( [] );
	* // returns false
	*/
	function isUint32Array( value ) {
		return (
			( hasUint32Array && value instanceof Uint32Array ) || // eslint-disable-line stdlib/require-globals
			nativeClass( value ) === '[object Uint32Array]'
		);
	}


	// EXPORTS //

	main$n = isUint32Array;
	return main$n;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$s;
var hasRequiredLib$s;

function requireLib$s () {
	if (hasRequiredLib$s) return lib$s;
	hasRequiredLib$s = 1;

	/**
	* Test if a value is a Uint32Array.
	*
	* @module @stdlib/assert-is-uint32array
	*
	* @example
	* var Uint32Array = require( '@stdlib/array-uint32' );
	* var isUint32Array = require( '@stdlib/assert-is-uint32array' );
	*
	* var bool = isUint32Array( new Uint32Array( 10 ) );
	* // returns true
	*
	* bool = isUint32Array( [] );
	* // returns false
	*/

	// MODULES //

	var isUint32Array = requireMain$n();


	// EXPORTS //

	lib$s = isUint32Array;
	return lib$s;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$r;
var hasRequiredLib$r;

function requireLib$r () {
	if (hasRequiredLib$r) return lib$r;
	hasRequiredLib$r = 1;

	/**
	* Maximum unsigned 32-bit integer.
	*
	* @module @stdlib/constants-uint32-max
	* @type {uinteger32}
	*
	* @example
	* var UINT32_MAX = require( '@stdlib/constants-uint32-max' );
	* // returns 4294967295
	*/


	// MAIN //

	/**
	* Maximum unsigned 32-bit integer.
	*
	* ## Notes
	*
	* The number has the value
	*
	* ```tex
	* 2^{32} - 1
	* ```
	*
	* which corresponds to the bit sequence
	*
	* ```binarystring
	* 11111111111111111111111111111111
	* ```
	*
	* @constant
	* @type {uinteger32}
	* @default 4294967295
	*/
	var UINT32_MAX = 4294967295;


	// EXPORTS //

	lib$r = UINT32_MAX;
	return lib$r;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var uint32array;
var hasRequiredUint32array;

function requireUint32array () {
	if (hasRequiredUint32array) return uint32array;
	hasRequiredUint32array = 1;

	// MAIN //

	var main = ( typeof Uint32Array === 'function' ) ? Uint32Array : null; // eslint-disable-line stdlib/require-globals


	// EXPORTS //

	uint32array = main;
	return uint32array;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$m;
var hasRequiredMain$m;

function requireMain$m () {
	if (hasRequiredMain$m) return main$m;
	hasRequiredMain$m = 1;

	// MODULES //

	var isUint32Array = requireLib$s();
	var UINT32_MAX = requireLib$r();
	var GlobalUint32Array = requireUint32array();


	// MAIN //

	/**
	* Tests for native `Uint32Array` support.
	*
	* @returns {boolean} boolean indicating if an environment has `Uint32Array` support
	*
	* @example
	* var bool = hasUint32ArraySupport();
	* // returns <boolean>
	*/
	function hasUint32ArraySupport() {
		var bool;
		var arr;

		if ( typeof GlobalUint32Array !== 'function' ) {
			return false;
		}
		// Test basic support...
		try {
			arr = [ 1, 3.14, -3.14, UINT32_MAX+1, UINT32_MAX+2 ];
			arr = new GlobalUint32Array( arr );
			bool = (
				isUint32Array( arr ) &&
				arr[ 0 ] === 1 &&
				arr[ 1 ] === 3 &&            // truncation
				arr[ 2 ] === UINT32_MAX-2 && // truncation and wrap around
				arr[ 3 ] === 0 &&            // wrap around
				arr[ 4 ] === 1               // wrap around
			);
		} catch ( err ) { // eslint-disable-line no-unused-vars
			bool = false;
		}
		return bool;
	}


	// EXPORTS //

	main$m = hasUint32ArraySupport;
	return main$m;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$q;
var hasRequiredLib$q;

function requireLib$q () {
	if (hasRequiredLib$q) return lib$q;
	hasRequiredLib$q = 1;

	/**
	* Test for native `Uint32Array` support.
	*
	* @module @stdlib/assert-has-uint32array-support
	*
	* @example
	* var hasUint32ArraySupport = require( '@stdlib/assert-has-uint32array-support' );
	*
	* var bool = hasUint32ArraySupport();
	* // returns <boolean>
	*/

	// MODULES //

	var hasUint32ArraySupport = requireMain$m();


	// EXPORTS //

	lib$q = hasUint32ArraySupport;
	return lib$q;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$l;
var hasRequiredMain$l;

function requireMain$l () {
	if (hasRequiredMain$l) return main$l;
	hasRequiredMain$l = 1;

	// MAIN //

	var ctor = ( typeof Uint32Array === 'function' ) ? Uint32Array : void 0; // eslint-disable-line stdlib/require-globals


	// EXPORTS //

	main$l = ctor;
	return main$l;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var polyfill_1$3;
var hasRequiredPolyfill$3;

function requirePolyfill$3 () {
	if (hasRequiredPolyfill$3) return polyfill_1$3;
	hasRequiredPolyfill$3 = 1;

	// TODO: write polyfill

	// MAIN //

	/**
	* Typed array which represents an array of 32-bit unsigned integers in the platform byte order.
	*
	* @throws {Error} not implemented
	*/
	function polyfill() {
		throw new Error( 'not implemented' );
	}


	// EXPORTS //

	polyfill_1$3 = polyfill;
	return polyfill_1$3;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$p;
var hasRequiredLib$p;

function requireLib$p () {
	if (hasRequiredLib$p) return lib$p;
	hasRequiredLib$p = 1;

	/**
	* Typed array constructor which returns a typed array representing an array of 32-bit unsigned integers in the platform byte order.
	*
	* @module @stdlib/array-uint32
	*
	* @example
	* var ctor = require( '@stdlib/array-uint32' );
	*
	* var arr = new ctor( 10 );
	* // returns <Uint32Array>
	*/

	// MODULES //

	var hasUint32ArraySupport = requireLib$q();
	var builtin = requireMain$l();
	var polyfill = requirePolyfill$3();


	// MAIN //

	var ctor;
	if ( hasUint32ArraySupport() ) {
		ctor = builtin;
	} else {
		ctor = polyfill;
	}


	// EXPORTS //

	lib$p = ctor;
	return lib$p;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$k;
var hasRequiredMain$k;

function requireMain$k () {
	if (hasRequiredMain$k) return main$k;
	hasRequiredMain$k = 1;

	// MODULES //

	var nativeClass = requireLib$t();


	// VARIABLES //

	var hasFloat64Array = ( typeof Float64Array === 'function' ); // eslint-disable-line stdlib/require-globals


	// MAIN //

	/**
	* Tests if a value is a Float64Array.
	*
	* @param {*} value - value to test
	* @returns {boolean} boolean indicating whether value is a Float64Array
	*
	* @example
	* var Float64Array = require( '@stdlib/array-float64' );
	*
	* var bool = isFloat64Array( new Float64Array( 10 ) );
	* // returns true
	*
	* @example
	* var bool = isFloat64Array( [] );
	* // returns false
	*/
	function isFloat64Array( value ) {
		return (
			( hasFloat64Array && value instanceof Float64Array ) || // eslint-disable-line stdlib/require-globals
			nativeClass( value ) === '[object Float64Array]'
		);
	}


	// EXPORTS //

	main$k = isFloat64Array;
	return main$k;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$o;
var hasRequiredLib$o;

function requireLib$o () {
	if (hasRequiredLib$o) return lib$o;
	hasRequiredLib$o = 1;

	/**
	* Test if a value is a Float64Array.
	*
	* @module @stdlib/assert-is-float64array
	*
	* @example
	* var Float64Array = require( '@stdlib/array-float64' );
	* var isFloat64Array = require( '@stdlib/assert-is-float64array' );
	*
	* var bool = isFloat64Array( new Float64Array( 10 ) );
	* // returns true
	*
	* bool = isFloat64Array( [] );
	* // returns false
	*/

	// MODULES //

	var isFloat64Array = requireMain$k();


	// EXPORTS //

	lib$o = isFloat64Array;
	return lib$o;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var float64array;
var hasRequiredFloat64array;

function requireFloat64array () {
	if (hasRequiredFloat64array) return float64array;
	hasRequiredFloat64array = 1;

	// MAIN //

	var main = ( typeof Float64Array === 'function' ) ? Float64Array : null; // eslint-disable-line stdlib/require-globals


	// EXPORTS //

	float64array = main;
	return float64array;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$j;
var hasRequiredMain$j;

function requireMain$j () {
	if (hasRequiredMain$j) return main$j;
	hasRequiredMain$j = 1;

	// MODULES //

	var isFloat64Array = requireLib$o();
	var GlobalFloat64Array = requireFloat64array();


	// MAIN //

	/**
	* Tests for native `Float64Array` support.
	*
	* @returns {boolean} boolean indicating if an environment has `Float64Array` support
	*
	* @example
	* var bool = hasFloat64ArraySupport();
	* // returns <boolean>
	*/
	function hasFloat64ArraySupport() {
		var bool;
		var arr;

		if ( typeof GlobalFloat64Array !== 'function' ) {
			return false;
		}
		// Test basic support...
		try {
			arr = new GlobalFloat64Array( [ 1.0, 3.14, -3.14, NaN ] );
			bool = (
				isFloat64Array( arr ) &&
				arr[ 0 ] === 1.0 &&
				arr[ 1 ] === 3.14 &&
				arr[ 2 ] === -3.14 &&
				arr[ 3 ] !== arr[ 3 ]
			);
		} catch ( err ) { // eslint-disable-line no-unused-vars
			bool = false;
		}
		return bool;
	}


	// EXPORTS //

	main$j = hasFloat64ArraySupport;
	return main$j;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$n;
var hasRequiredLib$n;

function requireLib$n () {
	if (hasRequiredLib$n) return lib$n;
	hasRequiredLib$n = 1;

	/**
	* Test for native `Float64Array` support.
	*
	* @module @stdlib/assert-has-float64array-support
	*
	* @example
	* var hasFloat64ArraySupport = require( '@stdlib/assert-has-float64array-support' );
	*
	* var bool = hasFloat64ArraySupport();
	* // returns <boolean>
	*/

	// MODULES //

	var hasFloat64ArraySupport = requireMain$j();


	// EXPORTS //

	lib$n = hasFloat64ArraySupport;
	return lib$n;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$i;
var hasRequiredMain$i;

function requireMain$i () {
	if (hasRequiredMain$i) return main$i;
	hasRequiredMain$i = 1;

	// MAIN //

	var ctor = ( typeof Float64Array === 'function' ) ? Float64Array : void 0; // eslint-disable-line stdlib/require-globals


	// EXPORTS //

	main$i = ctor;
	return main$i;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var polyfill_1$2;
var hasRequiredPolyfill$2;

function requirePolyfill$2 () {
	if (hasRequiredPolyfill$2) return polyfill_1$2;
	hasRequiredPolyfill$2 = 1;

	// TODO: write polyfill

	// MAIN //

	/**
	* Typed array which represents an array of double-precision floating-point numbers in the platform byte order.
	*
	* @throws {Error} not implemented
	*/
	function polyfill() {
		throw new Error( 'not implemented' );
	}


	// EXPORTS //

	polyfill_1$2 = polyfill;
	return polyfill_1$2;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$m;
var hasRequiredLib$m;

function requireLib$m () {
	if (hasRequiredLib$m) return lib$m;
	hasRequiredLib$m = 1;

	/**
	* Typed array constructor which returns a typed array representing an array of double-precision floating-point numbers in the platform byte order.
	*
	* @module @stdlib/array-float64
	*
	* @example
	* var ctor = require( '@stdlib/array-float64' );
	*
	* var arr = new ctor( 10 );
	* // returns <Float64Array>
	*/

	// MODULES //

	var hasFloat64ArraySupport = requireLib$n();
	var builtin = requireMain$i();
	var polyfill = requirePolyfill$2();


	// MAIN //

	var ctor;
	if ( hasFloat64ArraySupport() ) {
		ctor = builtin;
	} else {
		ctor = polyfill;
	}


	// EXPORTS //

	lib$m = ctor;
	return lib$m;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$h;
var hasRequiredMain$h;

function requireMain$h () {
	if (hasRequiredMain$h) return main$h;
	hasRequiredMain$h = 1;

	// MODULES //

	var nativeClass = requireLib$t();


	// VARIABLES //

	var hasUint8Array = ( typeof Uint8Array === 'function' ); // eslint-disable-line stdlib/require-globals


	// MAIN //

	/**
	* Tests if a value is a Uint8Array.
	*
	* @param {*} value - value to test
	* @returns {boolean} boolean indicating whether value is a Uint8Array
	*
	* @example
	* var Uint8Array = require( '@stdlib/array-uint8' );
	*
	* var bool = isUint8Array( new Uint8Array( 10 ) );
	* // returns true
	*
	* @example
	* var bool = isUint8Array( [] );
	* // returns false
	*/
	function isUint8Array( value ) {
		return (
			( hasUint8Array && value instanceof Uint8Array ) || // eslint-disable-line stdlib/require-globals
			nativeClass( value ) === '[object Uint8Array]'
		);
	}


	// EXPORTS //

	main$h = isUint8Array;
	return main$h;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$l;
var hasRequiredLib$l;

function requireLib$l () {
	if (hasRequiredLib$l) return lib$l;
	hasRequiredLib$l = 1;

	/**
	* Test if a value is a Uint8Array.
	*
	* @module @stdlib/assert-is-uint8array
	*
	* @example
	* var Uint8Array = require( '@stdlib/array-uint8' );
	* var isUint8Array = require( '@stdlib/assert-is-uint8array' );
	*
	* var bool = isUint8Array( new Uint8Array( 10 ) );
	* // returns true
	*
	* bool = isUint8Array( [] );
	* // returns false
	*/

	// MODULES //

	var isUint8Array = requireMain$h();


	// EXPORTS //

	lib$l = isUint8Array;
	return lib$l;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$k;
var hasRequiredLib$k;

function requireLib$k () {
	if (hasRequiredLib$k) return lib$k;
	hasRequiredLib$k = 1;

	/**
	* Maximum unsigned 8-bit integer.
	*
	* @module @stdlib/constants-uint8-max
	* @type {integer32}
	*
	* @example
	* var UINT8_MAX = require( '@stdlib/constants-uint8-max' );
	* // returns 255
	*/


	// MAIN //

	/**
	* Maximum unsigned 8-bit integer.
	*
	* ## Notes
	*
	* The number has the value
	*
	* ```tex
	* 2^{8} - 1
	* ```
	*
	* which corresponds to the bit sequence
	*
	* ```binarystring
	* 11111111
	* ```
	*
	* @constant
	* @type {integer32}
	* @default 255
	*/
	var UINT8_MAX = 255|0; // asm type annotation


	// EXPORTS //

	lib$k = UINT8_MAX;
	return lib$k;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var uint8array;
var hasRequiredUint8array;

function requireUint8array () {
	if (hasRequiredUint8array) return uint8array;
	hasRequiredUint8array = 1;

	// MAIN //

	var main = ( typeof Uint8Array === 'function' ) ? Uint8Array : null; // eslint-disable-line stdlib/require-globals


	// EXPORTS //

	uint8array = main;
	return uint8array;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$g;
var hasRequiredMain$g;

function requireMain$g () {
	if (hasRequiredMain$g) return main$g;
	hasRequiredMain$g = 1;

	// MODULES //

	var isUint8Array = requireLib$l();
	var UINT8_MAX = requireLib$k();
	var GlobalUint8Array = requireUint8array();


	// MAIN //

	/**
	* Tests for native `Uint8Array` support.
	*
	* @returns {boolean} boolean indicating if an environment has `Uint8Array` support
	*
	* @example
	* var bool = hasUint8ArraySupport();
	* // returns <boolean>
	*/
	function hasUint8ArraySupport() {
		var bool;
		var arr;

		if ( typeof GlobalUint8Array !== 'function' ) {
			return false;
		}
		// Test basic support...
		try {
			arr = [ 1, 3.14, -3.14, UINT8_MAX+1, UINT8_MAX+2 ];
			arr = new GlobalUint8Array( arr );
			bool = (
				isUint8Array( arr ) &&
				arr[ 0 ] === 1 &&
				arr[ 1 ] === 3 &&           // truncation
				arr[ 2 ] === UINT8_MAX-2 && // truncation and wrap around
				arr[ 3 ] === 0 &&           // wrap around
				arr[ 4 ] === 1              // wrap around
			);
		} catch ( err ) { // eslint-disable-line no-unused-vars
			bool = false;
		}
		return bool;
	}


	// EXPORTS //

	main$g = hasUint8ArraySupport;
	return main$g;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$j;
var hasRequiredLib$j;

function requireLib$j () {
	if (hasRequiredLib$j) return lib$j;
	hasRequiredLib$j = 1;

	/**
	* Test for native `Uint8Array` support.
	*
	* @module @stdlib/assert-has-uint8array-support
	*
	* @example
	* var hasUint8ArraySupport = require( '@stdlib/assert-has-uint8array-support' );
	*
	* var bool = hasUint8ArraySupport();
	* // returns <boolean>
	*/

	// MODULES //

	var hasUint8ArraySupport = requireMain$g();


	// EXPORTS //

	lib$j = hasUint8ArraySupport;
	return lib$j;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$f;
var hasRequiredMain$f;

function requireMain$f () {
	if (hasRequiredMain$f) return main$f;
	hasRequiredMain$f = 1;

	// MAIN //

	var ctor = ( typeof Uint8Array === 'function' ) ? Uint8Array : void 0; // eslint-disable-line stdlib/require-globals


	// EXPORTS //

	main$f = ctor;
	return main$f;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var polyfill_1$1;
var hasRequiredPolyfill$1;

function requirePolyfill$1 () {
	if (hasRequiredPolyfill$1) return polyfill_1$1;
	hasRequiredPolyfill$1 = 1;

	// TODO: write polyfill

	// MAIN //

	/**
	* Typed array which represents an array of 8-bit unsigned integers in the platform byte order.
	*
	* @throws {Error} not implemented
	*/
	function polyfill() {
		throw new Error( 'not implemented' );
	}


	// EXPORTS //

	polyfill_1$1 = polyfill;
	return polyfill_1$1;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$i;
var hasRequiredLib$i;

function requireLib$i () {
	if (hasRequiredLib$i) return lib$i;
	hasRequiredLib$i = 1;

	/**
	* Typed array constructor which returns a typed array representing an array of 8-bit unsigned integers in the platform byte order.
	*
	* @module @stdlib/array-uint8
	*
	* @example
	* var ctor = require( '@stdlib/array-uint8' );
	*
	* var arr = new ctor( 10 );
	* // returns <Uint8Array>
	*/

	// MODULES //

	var hasUint8ArraySupport = requireLib$j();
	var builtin = requireMain$f();
	var polyfill = requirePolyfill$1();


	// MAIN //

	var ctor;
	if ( hasUint8ArraySupport() ) {
		ctor = builtin;
	} else {
		ctor = polyfill;
	}


	// EXPORTS //

	lib$i = ctor;
	return lib$i;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$e;
var hasRequiredMain$e;

function requireMain$e () {
	if (hasRequiredMain$e) return main$e;
	hasRequiredMain$e = 1;

	// MODULES //

	var nativeClass = requireLib$t();


	// VARIABLES //

	var hasUint16Array = ( typeof Uint16Array === 'function' ); // eslint-disable-line stdlib/require-globals


	// MAIN //

	/**
	* Tests if a value is a Uint16Array.
	*
	* @param {*} value - value to test
	* @returns {boolean} boolean indicating whether value is a Uint16Array
	*
	* @example
	* var Uint16Array = require( '@stdlib/array-uint16' );
	*
	* var bool = isUint16Array( new Uint16Array( 10 ) );
	* // returns true
	*
	* @example
	* var bool = isUint16Array( [] );
	* // returns false
	*/
	function isUint16Array( value ) {
		return (
			( hasUint16Array && value instanceof Uint16Array ) || // eslint-disable-line stdlib/require-globals
			nativeClass( value ) === '[object Uint16Array]'
		);
	}


	// EXPORTS //

	main$e = isUint16Array;
	return main$e;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$h;
var hasRequiredLib$h;

function requireLib$h () {
	if (hasRequiredLib$h) return lib$h;
	hasRequiredLib$h = 1;

	/**
	* Test if a value is a Uint16Array.
	*
	* @module @stdlib/assert-is-uint16array
	*
	* @example
	* var Uint16Array = require( '@stdlib/array-uint16' );
	* var isUint16Array = require( '@stdlib/assert-is-uint16array' );
	*
	* var bool = isUint16Array( new Uint16Array( 10 ) );
	* // returns true
	*
	* bool = isUint16Array( [] );
	* // returns false
	*/

	// MODULES //

	var isUint16Array = requireMain$e();


	// EXPORTS //

	lib$h = isUint16Array;
	return lib$h;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$g;
var hasRequiredLib$g;

function requireLib$g () {
	if (hasRequiredLib$g) return lib$g;
	hasRequiredLib$g = 1;

	/**
	* Maximum unsigned 16-bit integer.
	*
	* @module @stdlib/constants-uint16-max
	* @type {integer32}
	*
	* @example
	* var UINT16_MAX = require( '@stdlib/constants-uint16-max' );
	* // returns 65535
	*/


	// MAIN //

	/**
	* Maximum unsigned 16-bit integer.
	*
	* ## Notes
	*
	* The number has the value
	*
	* ```tex
	* 2^{16} - 1
	* ```
	*
	* which corresponds to the bit sequence
	*
	* ```binarystring
	* 1111111111111111
	* ```
	*
	* @constant
	* @type {integer32}
	* @default 65535
	*/
	var UINT16_MAX = 65535|0; // asm type annotation


	// EXPORTS //

	lib$g = UINT16_MAX;
	return lib$g;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var uint16array;
var hasRequiredUint16array;

function requireUint16array () {
	if (hasRequiredUint16array) return uint16array;
	hasRequiredUint16array = 1;

	// MAIN //

	var main = ( typeof Uint16Array === 'function' ) ? Uint16Array : null; // eslint-disable-line stdlib/require-globals


	// EXPORTS //

	uint16array = main;
	return uint16array;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$d;
var hasRequiredMain$d;

function requireMain$d () {
	if (hasRequiredMain$d) return main$d;
	hasRequiredMain$d = 1;

	// MODULES //

	var isUint16Array = requireLib$h();
	var UINT16_MAX = requireLib$g();
	var GlobalUint16Array = requireUint16array();


	// MAIN //

	/**
	* Tests for native `Uint16Array` support.
	*
	* @returns {boolean} boolean indicating if an environment has `Uint16Array` support
	*
	* @example
	* var bool = hasUint16ArraySupport();
	* // returns <boolean>
	*/
	function hasUint16ArraySupport() {
		var bool;
		var arr;

		if ( typeof GlobalUint16Array !== 'function' ) {
			return false;
		}
		// Test basic support...
		try {
			arr = [ 1, 3.14, -3.14, UINT16_MAX+1, UINT16_MAX+2 ];
			arr = new GlobalUint16Array( arr );
			bool = (
				isUint16Array( arr ) &&
				arr[ 0 ] === 1 &&
				arr[ 1 ] === 3 &&            // truncation
				arr[ 2 ] === UINT16_MAX-2 && // truncation and wrap around
				arr[ 3 ] === 0 &&            // wrap around
				arr[ 4 ] === 1               // wrap around
			);
		} catch ( err ) { // eslint-disable-line no-unused-vars
			bool = false;
		}
		return bool;
	}


	// EXPORTS //

	main$d = hasUint16ArraySupport;
	return main$d;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$f;
var hasRequiredLib$f;

function requireLib$f () {
	if (hasRequiredLib$f) return lib$f;
	hasRequiredLib$f = 1;

	/**
	* Test for native `Uint16Array` support.
	*
	* @module @stdlib/assert-has-uint16array-support
	*
	* @example
	* var hasUint16ArraySupport = require( '@stdlib/assert-has-uint16array-support' );
	*
	* var bool = hasUint16ArraySupport();
	* // returns <boolean>
	*/

	// MODULES //

	var hasUint16ArraySupport = requireMain$d();


	// EXPORTS //

	lib$f = hasUint16ArraySupport;
	return lib$f;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$c;
var hasRequiredMain$c;

function requireMain$c () {
	if (hasRequiredMain$c) return main$c;
	hasRequiredMain$c = 1;

	// MAIN //

	var ctor = ( typeof Uint16Array === 'function' ) ? Uint16Array : void 0; // eslint-disable-line stdlib/require-globals


	// EXPORTS //

	main$c = ctor;
	return main$c;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var polyfill_1;
var hasRequiredPolyfill;

function requirePolyfill () {
	if (hasRequiredPolyfill) return polyfill_1;
	hasRequiredPolyfill = 1;

	// TODO: write polyfill

	// MAIN //

	/**
	* Typed array which represents an array of 16-bit unsigned integers in the platform byte order.
	*
	* @throws {Error} not implemented
	*/
	function polyfill() {
		throw new Error( 'not implemented' );
	}


	// EXPORTS //

	polyfill_1 = polyfill;
	return polyfill_1;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$e;
var hasRequiredLib$e;

function requireLib$e () {
	if (hasRequiredLib$e) return lib$e;
	hasRequiredLib$e = 1;

	/**
	* Typed array constructor which returns a typed array representing an array of 16-bit unsigned integers in the platform byte order.
	*
	* @module @stdlib/array-uint16
	*
	* @example
	* var ctor = require( '@stdlib/array-uint16' );
	*
	* var arr = new ctor( 10 );
	* // returns <Uint16Array>
	*/

	// MODULES //

	var hasUint16ArraySupport = requireLib$f();
	var builtin = requireMain$c();
	var polyfill = requirePolyfill();


	// MAIN //

	var ctor;
	if ( hasUint16ArraySupport() ) {
		ctor = builtin;
	} else {
		ctor = polyfill;
	}


	// EXPORTS //

	lib$e = ctor;
	return lib$e;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var ctors_1;
var hasRequiredCtors;

function requireCtors () {
	if (hasRequiredCtors) return ctors_1;
	hasRequiredCtors = 1;

	// MODULES //

	var Uint8Array = requireLib$i();
	var Uint16Array = requireLib$e();


	// MAIN //

	var ctors = {
		'uint16': Uint16Array,
		'uint8': Uint8Array
	};


	// EXPORTS //

	ctors_1 = ctors;
	return ctors_1;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$b;
var hasRequiredMain$b;

function requireMain$b () {
	if (hasRequiredMain$b) return main$b;
	hasRequiredMain$b = 1;

	// MODULES //

	var ctors = requireCtors();


	// VARIABLES //

	var bool;


	// FUNCTIONS //

	/**
	* Returns a boolean indicating if an environment is little endian.
	*
	* @private
	* @returns {boolean} boolean indicating if an environment is little endian
	*
	* @example
	* var bool = isLittleEndian();
	* // returns <boolean>
	*/
	function isLittleEndian() {
		var uint16view;
		var uint8view;

		uint16view = new ctors[ 'uint16' ]( 1 );

		/*
		* Set the uint16 view to a value having distinguishable lower and higher order words.
		*
		* 4660 => 0x1234 => 0x12 0x34 => '00010010 00110100' => (0x12,0x34) == (18,52)
		*/
		uint16view[ 0 ] = 0x1234;

		// Create a uint8 view on top of the uint16 buffer:
		uint8view = new ctors[ 'uint8' ]( uint16view.buffer );

		// If little endian, the least significant byte will be first...
		return ( uint8view[ 0 ] === 0x34 );
	}


	// MAIN //

	bool = isLittleEndian();


	// EXPORTS //

	main$b = bool;
	return main$b;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$d;
var hasRequiredLib$d;

function requireLib$d () {
	if (hasRequiredLib$d) return lib$d;
	hasRequiredLib$d = 1;

	/**
	* Return a boolean indicating if an environment is little endian.
	*
	* @module @stdlib/assert-is-little-endian
	*
	* @example
	* var IS_LITTLE_ENDIAN = require( '@stdlib/assert-is-little-endian' );
	*
	* var bool = IS_LITTLE_ENDIAN;
	* // returns <boolean>
	*/

	// MODULES //

	var IS_LITTLE_ENDIAN = requireMain$b();


	// EXPORTS //

	lib$d = IS_LITTLE_ENDIAN;
	return lib$d;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var indices_1$1;
var hasRequiredIndices$1;

function requireIndices$1 () {
	if (hasRequiredIndices$1) return indices_1$1;
	hasRequiredIndices$1 = 1;

	// MODULES //

	var isLittleEndian = requireLib$d();


	// MAIN //

	var indices;
	var HIGH;
	var LOW;

	if ( isLittleEndian === true ) {
		HIGH = 1; // second index
		LOW = 0; // first index
	} else {
		HIGH = 0; // first index
		LOW = 1; // second index
	}
	indices = {
		'HIGH': HIGH,
		'LOW': LOW
	};


	// EXPORTS //

	indices_1$1 = indices;
	return indices_1$1;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var assign$1;
var hasRequiredAssign$1;

function requireAssign$1 () {
	if (hasRequiredAssign$1) return assign$1;
	hasRequiredAssign$1 = 1;

	// MODULES //

	var Uint32Array = requireLib$p();
	var Float64Array = requireLib$m();
	var indices = requireIndices$1();


	// VARIABLES //

	var FLOAT64_VIEW = new Float64Array( 1 );
	var UINT32_VIEW = new Uint32Array( FLOAT64_VIEW.buffer );

	var HIGH = indices.HIGH;
	var LOW = indices.LOW;


	// MAIN //

	/**
	* Splits a double-precision floating-point number into a higher order word (unsigned 32-bit integer) and a lower order word (unsigned 32-bit integer).
	*
	* ## Notes
	*
	* ```text
	* float64 (64 bits)
	* f := fraction (significand/mantissa) (52 bits)
	* e := exponent (11 bits)
	* s := sign bit (1 bit)
	*
	* |-------- -------- -------- -------- -------- -------- -------- --------|
	* |                                Float64                                |
	* |-------- -------- -------- -------- -------- -------- -------- --------|
	* |              Uint32               |               Uint32              |
	* |-------- -------- -------- -------- -------- -------- -------- --------|
	* ```
	*
	* If little endian (more significant bits last):
	*
	* ```text
	*                         <-- lower      higher -->
	* |   f7       f6       f5       f4       f3       f2    e2 | f1 |s|  e1  |
	* ```
	*
	* If big endian (more significant bits first):
	*
	* ```text
	*                         <-- higher      lower -->
	* |s| e1    e2 | f1     f2       f3       f4       f5        f6      f7   |
	* ```
	*
	* In which Uint32 can we find the higher order bits? If little endian, the second; if big endian, the first.
	*
	* ## References
	*
	* -   [Open Group][1]
	*
	* [1]: http://pubs.opengroup.org/onlinepubs/9629399/chap14.htm
	*
	* @private
	* @param {number} x - input value
	* @param {Collection} out - output array
	* @param {integer} stride - output array stride
	* @param {NonNegativeInteger} offset - output array index offset
	* @returns {Collection} output array
	*
	* @example
	* var Uint32Array = require( '@stdlib/array-uint32' );
	*
	* var out = new Uint32Array( 2 );
	*
	* var w = toWords( 3.14e201, out, 1, 0 );
	* // returns <Uint32Array>[ 1774486211, 2479577218 ]
	*
	* var bool = ( w === out );
	* // returns true
	*/
	function toWords( x, out, stride, offset ) {
		FLOAT64_VIEW[ 0 ] = x;
		out[ offset ] = UINT32_VIEW[ HIGH ];
		out[ offset + stride ] = UINT32_VIEW[ LOW ];
		return out;
	}


	// EXPORTS //

	assign$1 = toWords;
	return assign$1;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$a;
var hasRequiredMain$a;

function requireMain$a () {
	if (hasRequiredMain$a) return main$a;
	hasRequiredMain$a = 1;

	// MODULES //

	var fcn = requireAssign$1();


	// MAIN //

	/**
	* Splits a double-precision floating-point number into a higher order word (unsigned 32-bit integer) and a lower order word (unsigned 32-bit integer).
	*
	* @param {number} x - input value
	* @returns {Array<number>} output array
	*
	* @example
	* var w = toWords( 3.14e201 );
	* // returns [ 1774486211, 2479577218 ]
	*/
	function toWords( x ) {
		return fcn( x, [ 0>>>0, 0>>>0 ], 1, 0 );
	}


	// EXPORTS //

	main$a = toWords;
	return main$a;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$c;
var hasRequiredLib$c;

function requireLib$c () {
	if (hasRequiredLib$c) return lib$c;
	hasRequiredLib$c = 1;

	/**
	* Split a double-precision floating-point number into a higher order word (unsigned 32-bit integer) and a lower order word (unsigned 32-bit integer).
	*
	* @module @stdlib/number-float64-base-to-words
	*
	* @example
	* var toWords = require( '@stdlib/number-float64-base-to-words' );
	*
	* var w = toWords( 3.14e201 );
	* // returns [ 1774486211, 2479577218 ]
	*
	* @example
	* var Uint32Array = require( '@stdlib/array-uint32' );
	* var toWords = require( '@stdlib/number-float64-base-to-words' );
	*
	* var out = new Uint32Array( 2 );
	*
	* var w = toWords.assign( 3.14e201, out, 1, 0 );
	* // returns <Uint32Array>[ 1774486211, 2479577218 ]
	*
	* var bool = ( w === out );
	* // returns true
	*/

	// MODULES //

	var setReadOnly = requireLib$y();
	var main = requireMain$a();
	var assign = requireAssign$1();


	// MAIN //

	setReadOnly( main, 'assign', assign );


	// EXPORTS //

	lib$c = main;
	return lib$c;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var high;
var hasRequiredHigh;

function requireHigh () {
	if (hasRequiredHigh) return high;
	hasRequiredHigh = 1;

	// MODULES //

	var isLittleEndian = requireLib$d();


	// MAIN //

	var HIGH;
	if ( isLittleEndian === true ) {
		HIGH = 1; // second index
	} else {
		HIGH = 0; // first index
	}


	// EXPORTS //

	high = HIGH;
	return high;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$9;
var hasRequiredMain$9;

function requireMain$9 () {
	if (hasRequiredMain$9) return main$9;
	hasRequiredMain$9 = 1;

	// MODULES //

	var Uint32Array = requireLib$p();
	var Float64Array = requireLib$m();
	var HIGH = requireHigh();


	// VARIABLES //

	var FLOAT64_VIEW = new Float64Array( 1 );
	var UINT32_VIEW = new Uint32Array( FLOAT64_VIEW.buffer );


	// MAIN //

	/**
	* Returns an unsigned 32-bit integer corresponding to the more significant 32 bits of a double-precision floating-point number.
	*
	* ## Notes
	*
	* ```text
	* float64 (64 bits)
	* f := fraction (significand/mantissa) (52 bits)
	* e := exponent (11 bits)
	* s := sign bit (1 bit)
	*
	* |-------- -------- -------- -------- -------- -------- -------- --------|
	* |                                Float64                                |
	* |-------- -------- -------- -------- -------- -------- -------- --------|
	* |              Uint32               |               Uint32              |
	* |-------- -------- -------- -------- -------- -------- -------- --------|
	* ```
	*
	* If little endian (more significant bits last):
	*
	* ```text
	*                         <-- lower      higher -->
	* |   f7       f6       f5       f4       f3       f2    e2 | f1 |s|  e1  |
	* ```
	*
	* If big endian (more significant bits first):
	*
	* ```text
	*                         <-- higher      lower -->
	* |s| e1    e2 | f1     f2       f3       f4       f5        f6      f7   |
	* ```
	*
	* In which Uint32 can we find the higher order bits? If little endian, the second; if big endian, the first.
	*
	* ## References
	*
	* -   [Open Group][1]
	*
	* [1]: http://pubs.opengroup.org/onlinepubs/9629399/chap14.htm
	*
	* @param {number} x - input value
	* @returns {uinteger32} higher order word
	*
	* @example
	* var w = getHighWord( 3.14e201 ); // => 01101001110001001000001011000011
	* // returns 1774486211
	*/
	function getHighWord( x ) {
		FLOAT64_VIEW[ 0 ] = x;
		return UINT32_VIEW[ HIGH ];
	}


	// EXPORTS //

	main$9 = getHighWord;
	return main$9;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$b;
var hasRequiredLib$b;

function requireLib$b () {
	if (hasRequiredLib$b) return lib$b;
	hasRequiredLib$b = 1;

	/**
	* Return an unsigned 32-bit integer corresponding to the more significant 32 bits of a double-precision floating-point number.
	*
	* @module @stdlib/number-float64-base-get-high-word
	*
	* @example
	* var getHighWord = require( '@stdlib/number-float64-base-get-high-word' );
	*
	* var w = getHighWord( 3.14e201 ); // => 01101001110001001000001011000011
	* // returns 1774486211
	*/

	// MODULES //

	var main = requireMain$9();


	// EXPORTS //

	lib$b = main;
	return lib$b;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var indices_1;
var hasRequiredIndices;

function requireIndices () {
	if (hasRequiredIndices) return indices_1;
	hasRequiredIndices = 1;

	// MODULES //

	var isLittleEndian = requireLib$d();


	// MAIN //

	var indices;
	var HIGH;
	var LOW;

	if ( isLittleEndian === true ) {
		HIGH = 1; // second index
		LOW = 0; // first index
	} else {
		HIGH = 0; // first index
		LOW = 1; // second index
	}
	indices = {
		'HIGH': HIGH,
		'LOW': LOW
	};


	// EXPORTS //

	indices_1 = indices;
	return indices_1;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$8;
var hasRequiredMain$8;

function requireMain$8 () {
	if (hasRequiredMain$8) return main$8;
	hasRequiredMain$8 = 1;

	// MODULES //

	var Uint32Array = requireLib$p();
	var Float64Array = requireLib$m();
	var indices = requireIndices();


	// VARIABLES //

	var FLOAT64_VIEW = new Float64Array( 1 );
	var UINT32_VIEW = new Uint32Array( FLOAT64_VIEW.buffer );

	var HIGH = indices.HIGH;
	var LOW = indices.LOW;


	// MAIN //

	/**
	* Creates a double-precision floating-point number from a higher order word (unsigned 32-bit integer) and a lower order word (unsigned 32-bit integer).
	*
	* ## Notes
	*
	* ```text
	* float64 (64 bits)
	* f := fraction (significand/mantissa) (52 bits)
	* e := exponent (11 bits)
	* s := sign bit (1 bit)
	*
	* |-------- -------- -------- -------- -------- -------- -------- --------|
	* |                                Float64                                |
	* |-------- -------- -------- -------- -------- -------- -------- --------|
	* |              Uint32               |               Uint32              |
	* |-------- -------- -------- -------- -------- -------- -------- --------|
	* ```
	*
	* If little endian (more significant bits last):
	*
	* ```text
	*                         <-- lower      higher -->
	* |   f7       f6       f5       f4       f3       f2    e2 | f1 |s|  e1  |
	* ```
	*
	* If big endian (more significant bits first):
	*
	* ```text
	*                         <-- higher      lower -->
	* |s| e1    e2 | f1     f2       f3       f4       f5        f6      f7   |
	* ```
	*
	* In which Uint32 should we place the higher order bits? If little endian, the second; if big endian, the first.
	*
	* ## References
	*
	* -   [Open Group][1]
	*
	* [1]: http://pubs.opengroup.org/onlinepubs/9629399/chap14.htm
	*
	* @param {uinteger32} high - higher order word (unsigned 32-bit integer)
	* @param {uinteger32} low - lower order word (unsigned 32-bit integer)
	* @returns {number} floating-point number
	*
	* @example
	* var v = fromWords( 1774486211, 2479577218 );
	* // returns 3.14e201
	*
	* @example
	* var v = fromWords( 3221823995, 1413754136 );
	* // returns -3.141592653589793
	*
	* @example
	* var v = fromWords( 0, 0 );
	* // returns 0.0
	*
	* @example
	* var v = fromWords( 2147483648, 0 );
	* // returns -0.0
	*
	* @example
	* var v = fromWords( 2146959360, 0 );
	* // returns NaN
	*
	* @example
	* var v = fromWords( 2146435072, 0 );
	* // returns Infinity
	*
	* @example
	* var v = fromWords( 4293918720, 0 );
	* // returns -Infinity
	*/
	function fromWords( high, low ) {
		UINT32_VIEW[ HIGH ] = high;
		UINT32_VIEW[ LOW ] = low;
		return FLOAT64_VIEW[ 0 ];
	}


	// EXPORTS //

	main$8 = fromWords;
	return main$8;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$a;
var hasRequiredLib$a;

function requireLib$a () {
	if (hasRequiredLib$a) return lib$a;
	hasRequiredLib$a = 1;

	/**
	* Create a double-precision floating-point number from a higher order word (unsigned 32-bit integer) and a lower order word (unsigned 32-bit integer).
	*
	* @module @stdlib/number-float64-base-from-words
	*
	* @example
	* var fromWords = require( '@stdlib/number-float64-base-from-words' );
	*
	* var v = fromWords( 1774486211, 2479577218 );
	* // returns 3.14e201
	*
	* v = fromWords( 3221823995, 1413754136 );
	* // returns -3.141592653589793
	*
	* v = fromWords( 0, 0 );
	* // returns 0.0
	*
	* v = fromWords( 2147483648, 0 );
	* // returns -0.0
	*
	* v = fromWords( 2146959360, 0 );
	* // returns NaN
	*
	* v = fromWords( 2146435072, 0 );
	* // returns Infinity
	*
	* v = fromWords( 4293918720, 0 );
	* // returns -Infinity
	*/

	// MODULES //

	var main = requireMain$8();


	// EXPORTS //

	lib$a = main;
	return lib$a;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$7;
var hasRequiredMain$7;

function requireMain$7 () {
	if (hasRequiredMain$7) return main$7;
	hasRequiredMain$7 = 1;

	// MODULES //

	var SIGN_MASK = requireLib$E();
	var ABS_MASK = requireLib$D();
	var toWords = requireLib$c();
	var getHighWord = requireLib$b();
	var fromWords = requireLib$a();


	// VARIABLES //

	// High/low words workspace:
	var WORDS = [ 0, 0 ];


	// MAIN //

	/**
	* Returns a double-precision floating-point number with the magnitude of `x` and the sign of `y`.
	*
	* @param {number} x - number from which to derive a magnitude
	* @param {number} y - number from which to derive a sign
	* @returns {number} a double-precision floating-point number
	*
	* @example
	* var z = copysign( -3.14, 10.0 );
	* // returns 3.14
	*
	* @example
	* var z = copysign( 3.14, -1.0 );
	* // returns -3.14
	*
	* @example
	* var z = copysign( 1.0, -0.0 );
	* // returns -1.0
	*
	* @example
	* var z = copysign( -3.14, -0.0 );
	* // returns -3.14
	*
	* @example
	* var z = copysign( -0.0, 1.0 );
	* // returns 0.0
	*/
	function copysign( x, y ) {
		var hx;
		var hy;

		// Split `x` into higher and lower order words:
		toWords.assign( x, WORDS, 1, 0 );
		hx = WORDS[ 0 ];

		// Turn off the sign bit of `x`:
		hx &= ABS_MASK;

		// Extract the higher order word from `y`:
		hy = getHighWord( y );

		// Leave only the sign bit of `y` turned on:
		hy &= SIGN_MASK;

		// Copy the sign bit of `y` to `x`:
		hx |= hy;

		// Return a new value having the same magnitude as `x`, but with the sign of `y`:
		return fromWords( hx, WORDS[ 1 ] );
	}


	// EXPORTS //

	main$7 = copysign;
	return main$7;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$9;
var hasRequiredLib$9;

function requireLib$9 () {
	if (hasRequiredLib$9) return lib$9;
	hasRequiredLib$9 = 1;

	/**
	* Return a double-precision floating-point number with the magnitude of `x` and the sign of `y`.
	*
	* @module @stdlib/math-base-special-copysign
	*
	* @example
	* var copysign = require( '@stdlib/math-base-special-copysign' );
	*
	* var z = copysign( -3.14, 10.0 );
	* // returns 3.14
	*
	* z = copysign( 3.14, -1.0 );
	* // returns -3.14
	*
	* z = copysign( 1.0, -0.0 );
	* // returns -1.0
	*
	* z = copysign( -3.14, -0.0 );
	* // returns -3.14
	*
	* z = copysign( -0.0, 1.0 );
	* // returns 0.0
	*/

	// MODULES //

	var main = requireMain$7();


	// EXPORTS //

	lib$9 = main;
	return lib$9;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$8;
var hasRequiredLib$8;

function requireLib$8 () {
	if (hasRequiredLib$8) return lib$8;
	hasRequiredLib$8 = 1;

	/**
	* Smallest positive double-precision floating-point normal number.
	*
	* @module @stdlib/constants-float64-smallest-normal
	* @type {number}
	*
	* @example
	* var FLOAT64_SMALLEST_NORMAL = require( '@stdlib/constants-float64-smallest-normal' );
	* // returns 2.2250738585072014e-308
	*/


	// MAIN //

	/**
	* The smallest positive double-precision floating-point normal number.
	*
	* ## Notes
	*
	* The number has the value
	*
	* ```tex
	* \frac{1}{2^{1023-1}}
	* ```
	*
	* which corresponds to the bit sequence
	*
	* ```binarystring
	* 0 00000000001 00000000000000000000 00000000000000000000000000000000
	* ```
	*
	* @constant
	* @type {number}
	* @default 2.2250738585072014e-308
	* @see [IEEE 754]{@link https://en.wikipedia.org/wiki/IEEE_754-1985}
	*/
	var FLOAT64_SMALLEST_NORMAL = 2.2250738585072014e-308;


	// EXPORTS //

	lib$8 = FLOAT64_SMALLEST_NORMAL;
	return lib$8;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2021 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$6;
var hasRequiredMain$6;

function requireMain$6 () {
	if (hasRequiredMain$6) return main$6;
	hasRequiredMain$6 = 1;

	// MAIN //

	/**
	* Computes the absolute value of a double-precision floating-point number `x`.
	*
	* @param {number} x - input value
	* @returns {number} absolute value
	*
	* @example
	* var v = abs( -1.0 );
	* // returns 1.0
	*
	* @example
	* var v = abs( 2.0 );
	* // returns 2.0
	*
	* @example
	* var v = abs( 0.0 );
	* // returns 0.0
	*
	* @example
	* var v = abs( -0.0 );
	* // returns 0.0
	*
	* @example
	* var v = abs( NaN );
	* // returns NaN
	*/
	function abs( x ) {
		return Math.abs( x ); // eslint-disable-line stdlib/no-builtin-math
	}


	// EXPORTS //

	main$6 = abs;
	return main$6;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$7;
var hasRequiredLib$7;

function requireLib$7 () {
	if (hasRequiredLib$7) return lib$7;
	hasRequiredLib$7 = 1;

	/**
	* Compute an absolute value of a double-precision floating-point number.
	*
	* @module @stdlib/math-base-special-abs
	*
	* @example
	* var abs = require( '@stdlib/math-base-special-abs' );
	*
	* var v = abs( -1.0 );
	* // returns 1.0
	*
	* v = abs( 2.0 );
	* // returns 2.0
	*
	* v = abs( 0.0 );
	* // returns 0.0
	*
	* v = abs( -0.0 );
	* // returns 0.0
	*
	* v = abs( NaN );
	* // returns NaN
	*/

	// MODULES //

	var main = requireMain$6();


	// EXPORTS //

	lib$7 = main;
	return lib$7;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var assign;
var hasRequiredAssign;

function requireAssign () {
	if (hasRequiredAssign) return assign;
	hasRequiredAssign = 1;

	// MODULES //

	var FLOAT64_SMALLEST_NORMAL = requireLib$8();
	var isInfinite = requireLib$F();
	var isnan = requireLib$Q();
	var abs = requireLib$7();


	// VARIABLES //

	// (1<<52)
	var SCALAR = 4503599627370496;


	// MAIN //

	/**
	* Returns a normal number `y` and exponent `exp` satisfying \\(x = y \cdot 2^\mathrm{exp}\\) and assigns results to a provided output array.
	*
	* @param {number} x - input value
	* @param {Collection} out - output array
	* @param {integer} stride - output array stride
	* @param {NonNegativeInteger} offset - output array index offset
	* @returns {Collection} output array
	*
	* @example
	* var pow = require( '@stdlib/math-base-special-pow' );
	*
	* var out = normalize( 3.14e-319, [ 0.0, 0 ], 1, 0 );
	* // returns [ 1.4141234400356668e-303, -52 ]
	*
	* var y = out[ 0 ];
	* var exp = out[ 1 ];
	*
	* var bool = ( y*pow(2.0,exp) === 3.14e-319 );
	* // returns true
	*
	* @example
	* var out = normalize( 0.0, [ 0.0, 0 ], 1, 0 );
	* // returns [ 0.0, 0 ];
	*
	* @example
	* var PINF = require( '@stdlib/constants-float64-pinf' );
	*
	* var out = normalize( PINF, [ 0.0, 0 ], 1, 0 );
	* // returns [ Infinity, 0 ]
	*
	* @example
	* var NINF = require( '@stdlib/constants-float64-ninf' );
	*
	* var out = normalize( NINF, [ 0.0, 0 ], 1, 0 );
	* // returns [ -Infinity, 0 ]
	*
	* @example
	* var out = normalize( NaN, [ 0.0, 0 ], 1, 0 );
	* // returns [ NaN, 0 ]
	*/
	function normalize( x, out, stride, offset ) {
		if ( isnan( x ) || isInfinite( x ) ) {
			out[ offset ] = x;
			out[ offset + stride ] = 0;
			return out;
		}
		if ( x !== 0.0 && abs( x ) < FLOAT64_SMALLEST_NORMAL ) {
			out[ offset ] = x * SCALAR;
			out[ offset + stride ] = -52;
			return out;
		}
		out[ offset ] = x;
		out[ offset + stride ] = 0;
		return out;
	}


	// EXPORTS //

	assign = normalize;
	return assign;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$5;
var hasRequiredMain$5;

function requireMain$5 () {
	if (hasRequiredMain$5) return main$5;
	hasRequiredMain$5 = 1;

	// MODULES //

	var fcn = requireAssign();


	// MAIN //

	/**
	* Returns a normal number `y` and exponent `exp` satisfying \\(x = y \cdot 2^\mathrm{exp}\\).
	*
	* @param {number} x - input value
	* @returns {NumberArray} output array
	*
	* @example
	* var pow = require( '@stdlib/math-base-special-pow' );
	*
	* var out = normalize( 3.14e-319 );
	* // returns [ 1.4141234400356668e-303, -52 ]
	*
	* var y = out[ 0 ];
	* var exp = out[ 1 ];
	*
	* var bool = ( y*pow(2.0,exp) === 3.14e-319 );
	* // returns true
	*
	* @example
	* var out = normalize( 0.0 );
	* // returns [ 0.0, 0 ]
	*
	* @example
	* var PINF = require( '@stdlib/constants-float64-pinf' );
	*
	* var out = normalize( PINF );
	* // returns [ Infinity, 0 ]
	*
	* @example
	* var NINF = require( '@stdlib/constants-float64-ninf' );
	*
	* var out = normalize( NINF );
	* // returns [ -Infinity, 0 ]
	*
	* @example
	* var out = normalize( NaN );
	* // returns [ NaN, 0 ]
	*/
	function normalize( x ) {
		return fcn( x, [ 0.0, 0 ], 1, 0 );
	}


	// EXPORTS //

	main$5 = normalize;
	return main$5;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$6;
var hasRequiredLib$6;

function requireLib$6 () {
	if (hasRequiredLib$6) return lib$6;
	hasRequiredLib$6 = 1;

	/**
	* Return a normal number `y` and exponent `exp` satisfying \\(x = y \cdot 2^\mathrm{exp}\\).
	*
	* @module @stdlib/number-float64-base-normalize
	*
	* @example
	* var pow = require( '@stdlib/math-base-special-pow' );
	* var normalize = require( '@stdlib/number-float64-base-normalize' );
	*
	* var out = normalize( 3.14e-319 );
	* // returns [ 1.4141234400356668e-303, -52 ]
	*
	* var y = out[ 0 ];
	* var exp = out[ 1 ];
	*
	* var bool = ( y*pow(2.0, exp) === 3.14e-319 );
	* // returns true
	*
	* @example
	* var Float64Array = require( '@stdlib/array-float64' );
	* var normalize = require( '@stdlib/number-float64-base-normalize' );
	*
	* var out = new Float64Array( 2 );
	*
	* var v = normalize.assign( 3.14e-319, out, 1, 0 );
	* // returns <Float64Array>[ 1.4141234400356668e-303, -52 ]
	*
	* var bool = ( v === out );
	* // returns true
	*/

	// MODULES //

	var setReadOnly = requireLib$y();
	var main = requireMain$5();
	var assign = requireAssign();


	// MAIN //

	setReadOnly( main, 'assign', assign );


	// EXPORTS //

	lib$6 = main;
	return lib$6;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$5;
var hasRequiredLib$5;

function requireLib$5 () {
	if (hasRequiredLib$5) return lib$5;
	hasRequiredLib$5 = 1;

	/**
	* High word mask for the exponent of a double-precision floating-point number.
	*
	* @module @stdlib/constants-float64-high-word-exponent-mask
	* @type {uinteger32}
	*
	* @example
	* var FLOAT64_HIGH_WORD_EXPONENT_MASK = require( '@stdlib/constants-float64-high-word-exponent-mask' );
	* // returns 2146435072
	*/


	// MAIN //

	/**
	* High word mask for the exponent of a double-precision floating-point number.
	*
	* ## Notes
	*
	* The high word mask for the exponent of a double-precision floating-point number is an unsigned 32-bit integer with the value \\( 2146435072 \\), which corresponds to the bit sequence
	*
	* ```binarystring
	* 0 11111111111 00000000000000000000
	* ```
	*
	* @constant
	* @type {uinteger32}
	* @default 0x7ff00000
	* @see [IEEE 754]{@link https://en.wikipedia.org/wiki/IEEE_754-1985}
	*/
	var FLOAT64_HIGH_WORD_EXPONENT_MASK = 0x7ff00000;


	// EXPORTS //

	lib$5 = FLOAT64_HIGH_WORD_EXPONENT_MASK;
	return lib$5;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$4;
var hasRequiredMain$4;

function requireMain$4 () {
	if (hasRequiredMain$4) return main$4;
	hasRequiredMain$4 = 1;

	// MODULES //

	var getHighWord = requireLib$b();
	var EXP_MASK = requireLib$5();
	var BIAS = requireLib$J();


	// MAIN //

	/**
	* Returns an integer corresponding to the unbiased exponent of a double-precision floating-point number.
	*
	* @param {number} x - input value
	* @returns {integer32} unbiased exponent
	*
	* @example
	* var exp = exponent( 3.14e-307 ); // => 2**-1019 ~ 1e-307
	* // returns -1019
	*
	* @example
	* var exp = exponent( -3.14 );
	* // returns 1
	*
	* @example
	* var exp = exponent( 0.0 );
	* // returns -1023
	*
	* @example
	* var exp = exponent( NaN );
	* // returns 1024
	*/
	function exponent( x ) {
		// Extract from the input value a higher order word (unsigned 32-bit integer) which contains the exponent:
		var high = getHighWord( x );

		// Apply a mask to isolate only the exponent bits and then shift off all bits which are part of the fraction:
		high = ( high & EXP_MASK ) >>> 20;

		// Remove the bias and return:
		return (high - BIAS)|0; // asm type annotation
	}


	// EXPORTS //

	main$4 = exponent;
	return main$4;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$4;
var hasRequiredLib$4;

function requireLib$4 () {
	if (hasRequiredLib$4) return lib$4;
	hasRequiredLib$4 = 1;

	/**
	* Return an integer corresponding to the unbiased exponent of a double-precision floating-point number.
	*
	* @module @stdlib/number-float64-base-exponent
	*
	* @example
	* var exponent = require( '@stdlib/number-float64-base-exponent' );
	*
	* var exp = exponent( 3.14e-307 ); // => 2**-1019 ~ 1e-307
	* // returns -1019
	*
	* exp = exponent( -3.14 );
	* // returns 1
	*
	* exp = exponent( 0.0 );
	* // returns -1023
	*
	* exp = exponent( NaN );
	* // returns 1024
	*/

	// MODULES //

	var main = requireMain$4();


	// EXPORTS //

	lib$4 = main;
	return lib$4;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$3;
var hasRequiredMain$3;

function requireMain$3 () {
	if (hasRequiredMain$3) return main$3;
	hasRequiredMain$3 = 1;

	// NOTES //

	/*
	* => ldexp: load exponent (see [The Open Group]{@link http://pubs.opengroup.org/onlinepubs/9699919799/functions/ldexp.html} and [cppreference]{@link http://en.cppreference.com/w/c/numeric/math/ldexp}).
	*/


	// MODULES //

	var PINF = requireLib$K();
	var NINF = requireLib$L();
	var BIAS = requireLib$J();
	var MAX_EXPONENT = requireLib$I();
	var MAX_SUBNORMAL_EXPONENT = requireLib$H();
	var MIN_SUBNORMAL_EXPONENT = requireLib$G();
	var isnan = requireLib$Q();
	var isInfinite = requireLib$F();
	var copysign = requireLib$9();
	var normalize = requireLib$6().assign;
	var floatExp = requireLib$4();
	var toWords = requireLib$c();
	var fromWords = requireLib$a();


	// VARIABLES //

	// 1/(1<<52) = 1/(2**52) = 1/4503599627370496
	var TWO52_INV = 2.220446049250313e-16;

	// Exponent all 0s: 1 00000000000 11111111111111111111 => 2148532223
	var CLEAR_EXP_MASK = 0x800fffff>>>0; // asm type annotation

	// Normalization workspace:
	var FRAC = [ 0.0, 0.0 ];

	// High/low words workspace:
	var WORDS = [ 0, 0 ];


	// MAIN //

	/**
	* Multiplies a double-precision floating-point number by an integer power of two.
	*
	* @param {number} frac - fraction
	* @param {integer} exp - exponent
	* @returns {number} double-precision floating-point number
	*
	* @example
	* var x = ldexp( 0.5, 3 ); // => 0.5 * 2^3 = 0.5 * 8
	* // returns 4.0
	*
	* @example
	* var x = ldexp( 4.0, -2 ); // => 4 * 2^(-2) = 4 * (1/4)
	* // returns 1.0
	*
	* @example
	* var x = ldexp( 0.0, 20 );
	* // returns 0.0
	*
	* @example
	* var x = ldexp( -0.0, 39 );
	* // returns -0.0
	*
	* @example
	* var x = ldexp( NaN, -101 );
	* // returns NaN
	*
	* @example
	* var x = ldexp( Infinity, 11 );
	* // returns Infinity
	*
	* @example
	* var x = ldexp( -Infinity, -118 );
	* // returns -Infinity
	*/
	function ldexp( frac, exp ) {
		var high;
		var m;
		if (
			exp === 0 ||
			frac === 0.0 || // handles +-0
			isnan( frac ) ||
			isInfinite( frac )
		) {
			return frac;
		}
		// Normalize the input fraction:
		normalize( frac, FRAC, 1, 0 );
		frac = FRAC[ 0 ];
		exp += FRAC[ 1 ];

		// Extract the exponent from `frac` and add it to `exp`:
		exp += floatExp( frac );

		// Check for underflow/overflow...
		if ( exp < MIN_SUBNORMAL_EXPONENT ) {
			return copysign( 0.0, frac );
		}
		if ( exp > MAX_EXPONENT ) {
			if ( frac < 0.0 ) {
				return NINF;
			}
			return PINF;
		}
		// Check for a subnormal and scale accordingly to retain precision...
		if ( exp <= MAX_SUBNORMAL_EXPONENT ) {
			exp += 52;
			m = TWO52_INV;
		} else {
			m = 1.0;
		}
		// Split the fraction into higher and lower order words:
		toWords.assign( frac, WORDS, 1, 0 );
		high = WORDS[ 0 ];

		// Clear the exponent bits within the higher order word:
		high &= CLEAR_EXP_MASK;

		// Set the exponent bits to the new exponent:
		high |= ((exp+BIAS) << 20);

		// Create a new floating-point number:
		return m * fromWords( high, WORDS[ 1 ] );
	}


	// EXPORTS //

	main$3 = ldexp;
	return main$3;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$3;
var hasRequiredLib$3;

function requireLib$3 () {
	if (hasRequiredLib$3) return lib$3;
	hasRequiredLib$3 = 1;

	/**
	* Multiply a double-precision floating-point number by an integer power of two.
	*
	* @module @stdlib/math-base-special-ldexp
	*
	* @example
	* var ldexp = require( '@stdlib/math-base-special-ldexp' );
	*
	* var x = ldexp( 0.5, 3 ); // => 0.5 * 2^3 = 0.5 * 8
	* // returns 4.0
	*
	* x = ldexp( 4.0, -2 ); // => 4 * 2^(-2) = 4 * (1/4)
	* // returns 1.0
	*
	* x = ldexp( 0.0, 20 );
	* // returns 0.0
	*
	* x = ldexp( -0.0, 39 );
	* // returns -0.0
	*
	* x = ldexp( NaN, -101 );
	* // returns NaN
	*
	* x = ldexp( Infinity, 11 );
	* // returns Infinity
	*
	* x = ldexp( -Infinity, -118 );
	* // returns -Infinity
	*/

	// MODULES //

	var main = requireMain$3();


	// EXPORTS //

	lib$3 = main;
	return lib$3;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var polyval_p;
var hasRequiredPolyval_p;

function requirePolyval_p () {
	if (hasRequiredPolyval_p) return polyval_p;
	hasRequiredPolyval_p = 1;

	// MAIN //

	/**
	* Evaluates a polynomial.
	*
	* ## Notes
	*
	* -   The implementation uses [Horner's rule][horners-method] for efficient computation.
	*
	* [horners-method]: https://en.wikipedia.org/wiki/Horner%27s_method
	*
	* @private
	* @param {number} x - value at which to evaluate the polynomial
	* @returns {number} evaluated polynomial
	*/
	function evalpoly( x ) {
		if ( x === 0.0 ) {
			return 0.16666666666666602;
		}
		return 0.16666666666666602 + (x * (-0.0027777777777015593 + (x * (0.00006613756321437934 + (x * (-16533902205465252e-22 + (x * 4.1381367970572385e-8))))))); // eslint-disable-line max-len
	}


	// EXPORTS //

	polyval_p = evalpoly;
	return polyval_p;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*
*
* ## Notice
*
* The following copyrights, licenses, and long comment were part of the original implementation available as part of [Go]{@link https://github.com/golang/go/blob/cb07765045aed5104a3df31507564ac99e6ddce8/src/math/exp.go}, which in turn was based on an implementation available as part of [FreeBSD]{@link https://svnweb.freebsd.org/base/release/9.3.0/lib/msun/src/e_exp.c}. The implementation follows the original, but has been modified for JavaScript.
*
* ```text
* Copyright (c) 2009 The Go Authors. All rights reserved.
*
* Redistribution and use in source and binary forms, with or without
* modification, are permitted provided that the following conditions are
* met:
*
*    * Redistributions of source code must retain the above copyright
* notice, this list of conditions and the following disclaimer.
*    * Redistributions in binary form must reproduce the above
* copyright notice, this list of conditions and the following disclaimer
* in the documentation and/or other materials provided with the
* distribution.
*    * Neither the name of Google Inc. nor the names of its
* contributors may be used to endorse or promote products derived from
* this software without specific prior written permission.
*
* THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS
* "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT
* LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR
* A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT
* OWNER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
* SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT
* LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
* DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY
* THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
* (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
* OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
* ```
*
* ```text
* Copyright (C) 2004 by Sun Microsystems, Inc. All rights reserved.
*
* Developed at SunPro, a Sun Microsystems, Inc. business.
* Permission to use, copy, modify, and distribute this
* software is freely granted, provided that this notice
* is preserved.
* ```
*/

var expmulti_1;
var hasRequiredExpmulti;

function requireExpmulti () {
	if (hasRequiredExpmulti) return expmulti_1;
	hasRequiredExpmulti = 1;

	// MODULES //

	var ldexp = requireLib$3();
	var polyvalP = requirePolyval_p();


	// MAIN //

	/**
	* Computes \\(e^{r} 2^k\\) where \\(r = \mathrm{hi} - \mathrm{lo}\\) and \\(|r| \leq \ln(2)/2\\).
	*
	* @private
	* @param {number} hi - upper bound
	* @param {number} lo - lower bound
	* @param {integer} k - power of 2
	* @returns {number} function value
	*/
	function expmulti( hi, lo, k ) {
		var r;
		var t;
		var c;
		var y;

		r = hi - lo;
		t = r * r;
		c = r - ( t*polyvalP( t ) );
		y = 1.0 - ( lo - ( (r*c)/(2.0-c) ) - hi );

		return ldexp( y, k );
	}


	// EXPORTS //

	expmulti_1 = expmulti;
	return expmulti_1;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*
*
* ## Notice
*
* The following copyrights, licenses, and long comment were part of the original implementation available as part of [Go]{@link https://github.com/golang/go/blob/cb07765045aed5104a3df31507564ac99e6ddce8/src/math/exp.go}, which in turn was based on an implementation available as part of [FreeBSD]{@link https://svnweb.freebsd.org/base/release/9.3.0/lib/msun/src/e_exp.c}. The implementation follows the original, but has been modified for JavaScript.
*
* ```text
* Copyright (c) 2009 The Go Authors. All rights reserved.
*
* Redistribution and use in source and binary forms, with or without
* modification, are permitted provided that the following conditions are
* met:
*
*    * Redistributions of source code must retain the above copyright
* notice, this list of conditions and the following disclaimer.
*    * Redistributions in binary form must reproduce the above
* copyright notice, this list of conditions and the following disclaimer
* in the documentation and/or other materials provided with the
* distribution.
*    * Neither the name of Google Inc. nor the names of its
* contributors may be used to endorse or promote products derived from
* this software without specific prior written permission.
*
* THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS
* "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT
* LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR
* A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT
* OWNER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
* SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT
* LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
* DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY
* THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
* (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
* OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
* ```
*
* ```text
* Copyright (C) 2004 by Sun Microsystems, Inc. All rights reserved.
*
* Developed at SunPro, a Sun Microsystems, Inc. business.
* Permission to use, copy, modify, and distribute this
* software is freely granted, provided that this notice
* is preserved.
* ```
*/

var main$2;
var hasRequiredMain$2;

function requireMain$2 () {
	if (hasRequiredMain$2) return main$2;
	hasRequiredMain$2 = 1;

	// MODULES //

	var isnan = requireLib$Q();
	var trunc = requireLib$N();
	var NINF = requireLib$L();
	var PINF = requireLib$K();
	var expmulti = requireExpmulti();


	// VARIABLES //

	var LN2_HI = 6.93147180369123816490e-01;
	var LN2_LO = 1.90821492927058770002e-10;
	var LOG2_E = 1.44269504088896338700e+00;
	var OVERFLOW = 7.09782712893383973096e+02;
	var UNDERFLOW = -745.1332191019411;
	var NEARZERO = 1.0 / (1 << 28); // 2^-28
	var NEG_NEARZERO = -NEARZERO;


	// MAIN //

	/**
	* Evaluates the natural exponential function.
	*
	* ## Method
	*
	* 1.  We reduce \\( x \\) to an \\( r \\) so that \\( |r| \leq 0.5 \cdot \ln(2) \approx 0.34658 \\). Given \\( x \\), we find an \\( r \\) and integer \\( k \\) such that
	*
	*     ```tex
	*     \begin{align*}
	*     x &= k \cdot \ln(2) + r \\
	*     |r| &\leq 0.5 \cdot \ln(2)
	*     \end{align*}
	*     ```
	*
	*     <!-- <note> -->
	*
	*     \\( r \\) can be represented as \\( r = \mathrm{hi} - \mathrm{lo} \\) for better accuracy.
	*
	*     <!-- </note> -->
	*
	* 2.  We approximate of \\( e^{r} \\) by a special rational function on the interval \\(\[0,0.34658]\\):
	*
	*     ```tex
	*     \begin{align*}
	*     R\left(r^2\right) &= r \cdot \frac{ e^{r}+1 }{ e^{r}-1 } \\
	*     &= 2 + \frac{r^2}{6} - \frac{r^4}{360} + \ldots
	*     \end{align*}
	*     ```
	*
	*     We use a special Remes algorithm on \\(\[0,0.34658]\\) to generate a polynomial of degree \\(5\\) to approximate \\(R\\). The maximum error of this polynomial approximation is bounded by \\(2^{-59}\\). In other words,
	*
	*     ```tex
	*     R(z) \sim 2 + P_1 z + P_2 z^2 + P_3 z^3 + P_4 z^4 + P_5 z^5
	*     ```
	*
	*     where \\( z = r^2 \\) and
	*
	*     ```tex
	*     \left|  2 + P_1 z + \ldots + P_5 z^5  - R(z) \right| \leq 2^{-59}
	*     ```
	*
	*     <!-- <note> -->
	*
	*     The values of \\( P_1 \\) to \\( P_5 \\) are listed in the source code.
	*
	*     <!-- </note> -->
	*
	*     The computation of \\( e^{r} \\) thus becomes
	*
	*     ```tex
	*     \begin{align*}
	*     e^{r} &= 1 + \frac{2r}{R-r} \\
	*           &= 1 + r + \frac{r \cdot R_1(r)}{2 - R_1(r)}\ \text{for better accuracy}
	*     \end{align*}
	*     ```
	*
	*     where
	*
	*     ```tex
	*     R_1(r) = r - P_1\ r^2 + P_2\ r^4 + \ldots + P_5\ r^{10}
	*     ```
	*
	* 3.  We scale back to obtain \\( e^{x} \\). From step 1, we have
	*
	*     ```tex
	*     e^{x} = 2^k e^{r}
	*     ```
	*
	* ## Special Cases
	*
	* ```tex
	* \begin{align*}
	* e^\infty &= \infty \\
	* e^{-\infty} &= 0 \\
	* e^{\mathrm{NaN}} &= \mathrm{NaN} \\
	* e^0 &= 1\ \mathrm{is\ exact\ for\ finite\ argument\ only}
	* \end{align*}
	* ```
	*
	* ## Notes
	*
	* -   According to an error analysis, the error is always less than \\(1\\) ulp (unit in the last place).
	*
	* -   For an IEEE double,
	*
	*     -   if \\(x > 7.09782712893383973096\mbox{e+}02\\), then \\(e^{x}\\) overflows
	*     -   if \\(x < -7.45133219101941108420\mbox{e+}02\\), then \\(e^{x}\\) underflows
	*
	* -   The hexadecimal values included in the source code are the intended ones for the used constants. Decimal values may be used, provided that the compiler will convert from decimal to binary accurately enough to produce the intended hexadecimal values.
	*
	* @param {number} x - input value
	* @returns {number} function value
	*
	* @example
	* var v = exp( 4.0 );
	* // returns ~54.5982
	*
	* @example
	* var v = exp( -9.0 );
	* // returns ~1.234e-4
	*
	* @example
	* var v = exp( 0.0 );
	* // returns 1.0
	*
	* @example
	* var v = exp( NaN );
	* // returns NaN
	*/
	function exp( x ) {
		var hi;
		var lo;
		var k;

		if ( isnan( x ) || x === PINF ) {
			return x;
		}
		if ( x === NINF ) {
			return 0.0;
		}
		if ( x > OVERFLOW ) {
			return PINF;
		}
		if ( x < UNDERFLOW ) {
			return 0.0;
		}
		if (
			x > NEG_NEARZERO &&
			x < NEARZERO
		) {
			return 1.0 + x;
		}
		// Reduce and compute `r = hi - lo` for extra precision...
		if ( x < 0.0 ) {
			k = trunc( (LOG2_E*x) - 0.5 );
		} else {
			k = trunc( (LOG2_E*x) + 0.5 );
		}
		hi = x - (k*LN2_HI);
		lo = k * LN2_LO;

		return expmulti( hi, lo, k );
	}


	// EXPORTS //

	main$2 = exp;
	return main$2;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$2;
var hasRequiredLib$2;

function requireLib$2 () {
	if (hasRequiredLib$2) return lib$2;
	hasRequiredLib$2 = 1;

	/**
	* Evaluate the natural exponential function.
	*
	* @module @stdlib/math-base-special-exp
	*
	* @example
	* var exp = require( '@stdlib/math-base-special-exp' );
	*
	* var v = exp( 4.0 );
	* // returns ~54.5982
	*
	* v = exp( -9.0 );
	* // returns ~1.234e-4
	*
	* v = exp( 0.0 );
	* // returns 1.0
	*
	* v = exp( NaN );
	* // returns NaN
	*/

	// MODULES //

	var main = requireMain$2();


	// EXPORTS //

	lib$2 = main;
	return lib$2;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var low;
var hasRequiredLow;

function requireLow () {
	if (hasRequiredLow) return low;
	hasRequiredLow = 1;

	// MODULES //

	var isLittleEndian = requireLib$d();


	// MAIN //

	var LOW;
	if ( isLittleEndian === true ) {
		LOW = 0; // first index
	} else {
		LOW = 1; // second index
	}


	// EXPORTS //

	low = LOW;
	return low;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var main$1;
var hasRequiredMain$1;

function requireMain$1 () {
	if (hasRequiredMain$1) return main$1;
	hasRequiredMain$1 = 1;

	// MODULES //

	var Uint32Array = requireLib$p();
	var Float64Array = requireLib$m();
	var LOW = requireLow();


	// VARIABLES //

	var FLOAT64_VIEW = new Float64Array( 1 );
	var UINT32_VIEW = new Uint32Array( FLOAT64_VIEW.buffer );


	// MAIN //

	/**
	* Sets the less significant 32 bits of a double-precision floating-point number.
	*
	* ## Notes
	*
	* ```text
	* float64 (64 bits)
	* f := fraction (significand/mantissa) (52 bits)
	* e := exponent (11 bits)
	* s := sign bit (1 bit)
	*
	* |-------- -------- -------- -------- -------- -------- -------- --------|
	* |                                Float64                                |
	* |-------- -------- -------- -------- -------- -------- -------- --------|
	* |              Uint32               |               Uint32              |
	* |-------- -------- -------- -------- -------- -------- -------- --------|
	* ```
	*
	* If little endian (more significant bits last):
	*
	* ```text
	*                         <-- lower      higher -->
	* |   f7       f6       f5       f4       f3       f2    e2 | f1 |s|  e1  |
	* ```
	*
	* If big endian (more significant bits first):
	*
	* ```text
	*                         <-- higher      lower -->
	* |s| e1    e2 | f1     f2       f3       f4       f5        f6      f7   |
	* ```
	*
	* In which Uint32 can we find the lower order bits? If little endian, the first; if big endian, the second.
	*
	* ## References
	*
	* -   [Open Group][1]
	*
	* [1]: http://pubs.opengroup.org/onlinepubs/9629399/chap14.htm
	*
	* @param {number} x - double
	* @param {uinteger32} low - unsigned 32-bit integer to replace the lower order word of `x`
	* @returns {number} double having the same higher order word as `x`
	*
	* @example
	* var low = 5 >>> 0; // => 00000000000000000000000000000101
	*
	* var x = 3.14e201; // => 0 11010011100 01001000001011000011 10010011110010110101100010000010
	*
	* var y = setLowWord( x, low ); // => 0 11010011100 01001000001011000011 00000000000000000000000000000101
	* // returns 3.139998651394392e+201
	*
	* @example
	* var PINF = require( '@stdlib/constants-float64-pinf' );
	* var NINF = require( '@stdlib/constants-float64-ninf' );
	*
	* var low = 12345678;
	*
	* var y = setLowWord( PINF, low );
	* // returns NaN
	*
	* y = setLowWord( NINF, low );
	* // returns NaN
	*
	* y = setLowWord( NaN, low );
	* // returns NaN
	*/
	function setLowWord( x, low ) {
		FLOAT64_VIEW[ 0 ] = x;
		UINT32_VIEW[ LOW ] = ( low >>> 0 ); // identity bit shift to ensure integer
		return FLOAT64_VIEW[ 0 ];
	}


	// EXPORTS //

	main$1 = setLowWord;
	return main$1;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib$1;
var hasRequiredLib$1;

function requireLib$1 () {
	if (hasRequiredLib$1) return lib$1;
	hasRequiredLib$1 = 1;

	/**
	* Set the less significant 32 bits of a double-precision floating-point number.
	*
	* @module @stdlib/number-float64-base-set-low-word
	*
	* @example
	* var setLowWord = require( '@stdlib/number-float64-base-set-low-word' );
	*
	* var low = 5 >>> 0; // => 00000000000000000000000000000101
	*
	* var x = 3.14e201; // => 0 11010011100 01001000001011000011 10010011110010110101100010000010
	*
	* var y = setLowWord( x, low ); // => 0 11010011100 01001000001011000011 00000000000000000000000000000101
	* // returns 3.139998651394392e+201
	*
	* @example
	* var PINF = require( '@stdlib/constants-float64-pinf' );
	* var NINF = require( '@stdlib/constants-float64-ninf' );
	* var setLowWord = require( '@stdlib/number-float64-base-set-low-word' );
	*
	* var low = 12345678;
	*
	* var y = setLowWord( PINF, low );
	* // returns NaN
	*
	* y = setLowWord( NINF, low );
	* // returns NaN
	*
	* y = setLowWord( NaN, low );
	* // returns NaN
	*/

	// MODULES //

	var main = requireMain$1();


	// EXPORTS //

	lib$1 = main;
	return lib$1;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var polyval_pp;
var hasRequiredPolyval_pp;

function requirePolyval_pp () {
	if (hasRequiredPolyval_pp) return polyval_pp;
	hasRequiredPolyval_pp = 1;

	// MAIN //

	/**
	* Evaluates a polynomial.
	*
	* ## Notes
	*
	* -   The implementation uses [Horner's rule][horners-method] for efficient computation.
	*
	* [horners-method]: https://en.wikipedia.org/wiki/Horner%27s_method
	*
	* @private
	* @param {number} x - value at which to evaluate the polynomial
	* @returns {number} evaluated polynomial
	*/
	function evalpoly( x ) {
		if ( x === 0.0 ) {
			return -0.3250421072470015;
		}
		return -0.3250421072470015 + (x * (-0.02848174957559851 + (x * (-0.005770270296489442 + (x * -23763016656650163e-21))))); // eslint-disable-line max-len
	}


	// EXPORTS //

	polyval_pp = evalpoly;
	return polyval_pp;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var polyval_qq;
var hasRequiredPolyval_qq;

function requirePolyval_qq () {
	if (hasRequiredPolyval_qq) return polyval_qq;
	hasRequiredPolyval_qq = 1;

	// MAIN //

	/**
	* Evaluates a polynomial.
	*
	* ## Notes
	*
	* -   The implementation uses [Horner's rule][horners-method] for efficient computation.
	*
	* [horners-method]: https://en.wikipedia.org/wiki/Horner%27s_method
	*
	* @private
	* @param {number} x - value at which to evaluate the polynomial
	* @returns {number} evaluated polynomial
	*/
	function evalpoly( x ) {
		if ( x === 0.0 ) {
			return 0.39791722395915535;
		}
		return 0.39791722395915535 + (x * (0.0650222499887673 + (x * (0.005081306281875766 + (x * (0.00013249473800432164 + (x * -3960228278775368e-21))))))); // eslint-disable-line max-len
	}


	// EXPORTS //

	polyval_qq = evalpoly;
	return polyval_qq;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var polyval_pa;
var hasRequiredPolyval_pa;

function requirePolyval_pa () {
	if (hasRequiredPolyval_pa) return polyval_pa;
	hasRequiredPolyval_pa = 1;

	// MAIN //

	/**
	* Evaluates a polynomial.
	*
	* ## Notes
	*
	* -   The implementation uses [Horner's rule][horners-method] for efficient computation.
	*
	* [horners-method]: https://en.wikipedia.org/wiki/Horner%27s_method
	*
	* @private
	* @param {number} x - value at which to evaluate the polynomial
	* @returns {number} evaluated polynomial
	*/
	function evalpoly( x ) {
		if ( x === 0.0 ) {
			return 0.41485611868374833;
		}
		return 0.41485611868374833 + (x * (-0.3722078760357013 + (x * (0.31834661990116175 + (x * (-0.11089469428239668 + (x * (0.035478304325618236 + (x * -0.002166375594868791))))))))); // eslint-disable-line max-len
	}


	// EXPORTS //

	polyval_pa = evalpoly;
	return polyval_pa;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var polyval_qa;
var hasRequiredPolyval_qa;

function requirePolyval_qa () {
	if (hasRequiredPolyval_qa) return polyval_qa;
	hasRequiredPolyval_qa = 1;

	// MAIN //

	/**
	* Evaluates a polynomial.
	*
	* ## Notes
	*
	* -   The implementation uses [Horner's rule][horners-method] for efficient computation.
	*
	* [horners-method]: https://en.wikipedia.org/wiki/Horner%27s_method
	*
	* @private
	* @param {number} x - value at which to evaluate the polynomial
	* @returns {number} evaluated polynomial
	*/
	function evalpoly( x ) {
		if ( x === 0.0 ) {
			return 0.10642088040084423;
		}
		return 0.10642088040084423 + (x * (0.540397917702171 + (x * (0.07182865441419627 + (x * (0.12617121980876164 + (x * (0.01363708391202905 + (x * 0.011984499846799107))))))))); // eslint-disable-line max-len
	}


	// EXPORTS //

	polyval_qa = evalpoly;
	return polyval_qa;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var polyval_ra;
var hasRequiredPolyval_ra;

function requirePolyval_ra () {
	if (hasRequiredPolyval_ra) return polyval_ra;
	hasRequiredPolyval_ra = 1;

	// MAIN //

	/**
	* Evaluates a polynomial.
	*
	* ## Notes
	*
	* -   The implementation uses [Horner's rule][horners-method] for efficient computation.
	*
	* [horners-method]: https://en.wikipedia.org/wiki/Horner%27s_method
	*
	* @private
	* @param {number} x - value at which to evaluate the polynomial
	* @returns {number} evaluated polynomial
	*/
	function evalpoly( x ) {
		if ( x === 0.0 ) {
			return -0.6938585727071818;
		}
		return -0.6938585727071818 + (x * (-10.558626225323291 + (x * (-62.375332450326006 + (x * (-162.39666946257347 + (x * (-184.60509290671104 + (x * (-81.2874355063066 + (x * -9.814329344169145))))))))))); // eslint-disable-line max-len
	}


	// EXPORTS //

	polyval_ra = evalpoly;
	return polyval_ra;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var polyval_sa;
var hasRequiredPolyval_sa;

function requirePolyval_sa () {
	if (hasRequiredPolyval_sa) return polyval_sa;
	hasRequiredPolyval_sa = 1;

	// MAIN //

	/**
	* Evaluates a polynomial.
	*
	* ## Notes
	*
	* -   The implementation uses [Horner's rule][horners-method] for efficient computation.
	*
	* [horners-method]: https://en.wikipedia.org/wiki/Horner%27s_method
	*
	* @private
	* @param {number} x - value at which to evaluate the polynomial
	* @returns {number} evaluated polynomial
	*/
	function evalpoly( x ) {
		if ( x === 0.0 ) {
			return 19.651271667439257;
		}
		return 19.651271667439257 + (x * (137.65775414351904 + (x * (434.56587747522923 + (x * (645.3872717332679 + (x * (429.00814002756783 + (x * (108.63500554177944 + (x * (6.570249770319282 + (x * -0.0604244152148581))))))))))))); // eslint-disable-line max-len
	}


	// EXPORTS //

	polyval_sa = evalpoly;
	return polyval_sa;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var polyval_rb;
var hasRequiredPolyval_rb;

function requirePolyval_rb () {
	if (hasRequiredPolyval_rb) return polyval_rb;
	hasRequiredPolyval_rb = 1;

	// MAIN //

	/**
	* Evaluates a polynomial.
	*
	* ## Notes
	*
	* -   The implementation uses [Horner's rule][horners-method] for efficient computation.
	*
	* [horners-method]: https://en.wikipedia.org/wiki/Horner%27s_method
	*
	* @private
	* @param {number} x - value at which to evaluate the polynomial
	* @returns {number} evaluated polynomial
	*/
	function evalpoly( x ) {
		if ( x === 0.0 ) {
			return -0.799283237680523;
		}
		return -0.799283237680523 + (x * (-17.757954917754752 + (x * (-160.63638485582192 + (x * (-637.5664433683896 + (x * (-1025.0951316110772 + (x * -483.5191916086514))))))))); // eslint-disable-line max-len
	}


	// EXPORTS //

	polyval_rb = evalpoly;
	return polyval_rb;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var polyval_sb;
var hasRequiredPolyval_sb;

function requirePolyval_sb () {
	if (hasRequiredPolyval_sb) return polyval_sb;
	hasRequiredPolyval_sb = 1;

	// MAIN //

	/**
	* Evaluates a polynomial.
	*
	* ## Notes
	*
	* -   The implementation uses [Horner's rule][horners-method] for efficient computation.
	*
	* [horners-method]: https://en.wikipedia.org/wiki/Horner%27s_method
	*
	* @private
	* @param {number} x - value at which to evaluate the polynomial
	* @returns {number} evaluated polynomial
	*/
	function evalpoly( x ) {
		if ( x === 0.0 ) {
			return 30.33806074348246;
		}
		return 30.33806074348246 + (x * (325.7925129965739 + (x * (1536.729586084437 + (x * (3199.8582195085955 + (x * (2553.0504064331644 + (x * (474.52854120695537 + (x * -22.44095244658582))))))))))); // eslint-disable-line max-len
	}


	// EXPORTS //

	polyval_sb = evalpoly;
	return polyval_sb;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*
*
* ## Notice
*
* The following copyright, license, and long comment were part of the original implementation available as part of [FreeBSD]{@link https://svnweb.freebsd.org/base/release/9.3.0/lib/msun/src/s_erf.c}. The implementation follows the original, but has been modified for JavaScript.
*
* ```text
* Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
*
* Developed at SunPro, a Sun Microsystems, Inc. business.
* Permission to use, copy, modify, and distribute this
* software is freely granted, provided that this notice
* is preserved.
* ```
*/

var main;
var hasRequiredMain;

function requireMain () {
	if (hasRequiredMain) return main;
	hasRequiredMain = 1;

	// MODULES //

	var isnan = requireLib$Q();
	var exp = requireLib$2();
	var setLowWord = requireLib$1();
	var PINF = requireLib$K();
	var NINF = requireLib$L();
	var polyvalPP = requirePolyval_pp();
	var polyvalQQ = requirePolyval_qq();
	var polyvalPA = requirePolyval_pa();
	var polyvalQA = requirePolyval_qa();
	var polyvalRA = requirePolyval_ra();
	var polyvalSA = requirePolyval_sa();
	var polyvalRB = requirePolyval_rb();
	var polyvalSB = requirePolyval_sb();


	// VARIABLES //

	var TINY = 1.0e-300;

	// 2**-56 = 1/(2**56) = 1/72057594037927940
	var SMALL = 1.3877787807814457e-17;

	var ERX = 8.45062911510467529297e-1;  // 0x3FEB0AC1, 0x60000000

	var PPC = 1.28379167095512558561e-1;  // 0x3FC06EBA, 0x8214DB68
	var QQC = 1.0;

	var PAC = -0.0023621185607526594; // 0xBF6359B8, 0xBEF77538
	var QAC = 1.0;

	var RAC = -0.009864944034847148; // 0xBF843412, 0x600D6435
	var SAC = 1.0;

	var RBC = -0.0098649429247001; // 0xBF843412, 0x39E86F4A
	var SBC = 1.0;


	// MAIN //

	/**
	* Evaluates the complementary error function.
	*
	* ```tex
	* \operatorname{erf}(x) = \frac{2}{\sqrt{\pi}} \int^{x}_{0} e^{-t^2}\ \mathrm{dt}
	* ```
	*
	* Note that
	*
	* ```tex
	* \begin{align*}
	* \operatorname{erfc}(x) &= 1 - \operatorname{erf}(x) \\
	* \operatorname{erf}(-x) &= -\operatorname{erf}(x) \\
	* \operatorname{erfc}(-x) &= 2 - \operatorname{erfc}(x)
	* \end{align*}
	* ```
	*
	* ## Method
	*
	* 1.  For \\(|x| \in [0, 0.84375)\\),
	*
	*     ```tex
	*     \operatorname{erf}(x) = x + x \cdot \operatorname{R}(x^2)
	*     ```
	*
	*     and
	*
	*     ```tex
	*     \operatorname{erfc}(x) = \begin{cases}
	*     1 - \operatorname{erf}(x) & \textrm{if}\ x \in (-.84375,0.25) \\
	*     0.5 + ((0.5-x)-x \mathrm{R}) & \textrm{if}\ x \in [0.25,0.84375)
	*     \end{cases}
	*     ```
	*
	*     where \\(R = P/Q\\) and where \\(P\\) is an odd polynomial of degree \\(8\\) and \\(Q\\) is an odd polynomial of degree \\(10\\).
	*
	*     ```tex
	*     \biggl| \mathrm{R} - \frac{\operatorname{erf}(x)-x}{x} \biggr| \leq 2^{-57.90}
	*     ```
	*
	*     <!-- <note> -->
	*
	*     The formula is derived by noting
	*
	*     ```tex
	*     \operatorname{erf}(x) = \frac{2}{\sqrt{\pi}}\biggl(x - \frac{x^3}{3} + \frac{x^5}{10} - \frac{x^7}{42} + \ldots \biggr)
	*     ```
	*
	*     and that
	*
	*     ```tex
	*     \frac{2}{\sqrt{\pi}} = 1.128379167095512573896158903121545171688
	*     ```
	*
	*     is close to unity. The interval is chosen because the fix point of \\(\operatorname{erf}(x)\\) is near \\(0.6174\\) (i.e., \\(\operatorname{erf(x)} = x\\) when \\(x\\) is near \\(0.6174\\)), and, by some experiment, \\(0.84375\\) is chosen to guarantee the error is less than one ulp for \\(\operatorname{erf}(x)\\).
	*
	*     <!-- </note> -->
	*
	* 2.  For \\(|x| \in [0.84375,1.25)\\), let \\(s = |x|-1\\), and \\(c = 0.84506291151\\) rounded to single (\\(24\\) bits)
	*
	*     ```tex
	*     \operatorname{erf}(x) = \operatorname{sign}(x) \cdot \biggl(c + \frac{\operatorname{P1}(s)}{\operatorname{Q1}(s)}\biggr)
	*     ```
	*
	*     and
	*
	*     ```tex
	*     \operatorname{erfc}(x) = \begin{cases}
	*     (1-c) - \frac{\operatorname{P1}(s)}{\operatorname{Q1}(s)} & \textrm{if}\ x > 0 \\
	*     1 + \biggl(c + \frac{\operatorname{P1}(s)}{\operatorname{Q1}(s)}\biggr) & \textrm{if}\ x < 0
	*     \end{cases}
	*     ```
	*
	*     where
	*
	*     ```tex
	*     \biggl|\frac{\mathrm{P1}}{\mathrm{Q1}} - (\operatorname{erf}(|x|)-c)\biggr| \leq 2^{-59.06}
	*     ```
	*
	*     <!-- <note> -->
	*
	*     Here, we use the Taylor series expansion at \\(x = 1\\)
	*
	*     ```tex
	*     \begin{align*}
	*     \operatorname{erf}(1+s) &= \operatorname{erf}(1) + s\cdot \operatorname{poly}(s) \\
	*     &= 0.845.. + \frac{\operatorname{P1}(s)}{\operatorname{Q1}(s)}
	*     \end{align*}
	*     ```
	*
	*     using a rational approximation to approximate
	*
	*     ```tex
	*     \operatorname{erf}(1+s) - (c = (\mathrm{single})0.84506291151)
	*     ```
	*
	*     <!-- </note> -->
	*
	*     Note that, for \\(x \in [0.84375,1.25)\\), \\(|\mathrm{P1}/\mathrm{Q1}| < 0.078\\), where
	*
	*     -   \\(\operatorname{P1}(s)\\) is a degree \\(6\\) polynomial in \\(s\\)
	*     -   \\(\operatorname{Q1}(s)\\) is a degree \\(6\\) polynomial in \\(s\\)
	*
	* 3.  For \\(x \in [1.25,1/0.35)\\),
	*
	*     ```tex
	*     \begin{align*}
	*     \operatorname{erfc}(x) &= \frac{1}{x}e^{-x^2-0.5625+(\mathrm{R1}/\mathrm{S1})} \\
	*     \operatorname{erf}(x) &= 1 - \operatorname{erfc}(x)
	*     \end{align*}
	*     ```
	*
	*     where
	*
	*     -   \\(\operatorname{R1}(z)\\) is a degree \\(7\\) polynomial in \\(z\\), where \\(z = 1/x^2\\)
	*     -   \\(\operatorname{S1}(z)\\) is a degree \\(8\\) polynomial in \\(z\\)
	*
	* 4.  For \\(x \in [1/0.35,28)\\),
	*
	*     ```tex
	*     \operatorname{erfc}(x) = \begin{cases}
	*     \frac{1}{x} e^{-x^2-0.5625+(\mathrm{R2}/\mathrm{S2})} & \textrm{if}\ x > 0 \\
	*     2.0 - \frac{1}{x} e^{-x^2-0.5625+(\mathrm{R2}/\mathrm{S2})} & \textrm{if}\ -6 < x < 0 \\
	*     2.0 - \mathrm{tiny} & \textrm{if}\ x \leq -6
	*     \end{cases}
	*     ```
	*
	*     and
	*
	*     ```tex
	*     \operatorname{erf}(x) = \begin{cases}
	*     \operatorname{sign}(x) \cdot (1.0 - \operatorname{erfc}(x)) & \textrm{if}\ x < 6 \\
	*     \operatorname{sign}(x) \cdot (1.0 - \mathrm{tiny}) & \textrm{otherwise}
	*     \end{cases}
	*     ```
	*
	*     where
	*
	*     -   \\(\operatorname{R2}(z)\\) is a degree \\(6\\) polynomial in \\(z\\), where \\(z = 1/x^2\\)
	*     -   \\(\operatorname{S2}(z)\\) is a degree \\(7\\) polynomial in \\(z\\)
	*
	* 5.  For \\(x \in [28, \infty)\\),
	*
	*     ```tex
	*     \begin{align*}
	*     \operatorname{erf}(x) &= \operatorname{sign}(x) \cdot (1 - \mathrm{tiny}) & \textrm{(raise inexact)}
	*     \end{align*}
	*     ```
	*
	*     and
	*
	*     ```tex
	*     \operatorname{erfc}(x) = \begin{cases}
	*     \mathrm{tiny} \cdot \mathrm{tiny} & \textrm{if}\ x > 0\ \textrm{(raise underflow)} \\
	*     2 - \mathrm{tiny} & \textrm{if}\ x < 0
	*     \end{cases}
	*     ```
	*
	* ## Special Cases
	*
	* ```tex
	* \begin{align*}
	* \operatorname{erf}(0) &= 0 \\
	* \operatorname{erf}(-0) &= -0 \\
	* \operatorname{erf}(\infty) &= 1 \\
	* \operatorname{erf}(-\infty) &= -1 \\
	* \operatorname{erfc}(0) &= 1 \\
	* \operatorname{erfc}(\infty) &= 0 \\
	* \operatorname{erfc}(-\infty) &= 2 \\
	* \operatorname{erf}(\mathrm{NaN}) &= \mathrm{NaN} \\
	* \operatorname{erfc}(\mathrm{NaN}) &= \mathrm{NaN}
	* \end{align*}
	* ```
	*
	* ## Notes
	*
	* -   To compute \\(\exp(-x^2-0.5625+(\mathrm{R}/\mathrm{S}))\\), let \\(s\\) be a single precision number and \\(s := x\\); then
	*
	*     ```tex
	*     -x^2 = -s^2 + (s-x)(s+x)
	*     ```
	*
	*     and
	*
	*     ```tex
	*     e^{-x^2-0.5626+(\mathrm{R}/\mathrm{S})} = e^{-s^2-0.5625} e^{(s-x)(s+x)+(\mathrm{R}/\mathrm{S})}
	*     ```
	*
	* -   `#4` and `#5` make use of the asymptotic series
	*
	*     ```tex
	*     \operatorname{erfc}(x) \approx \frac{e^{-x^2}}{x\sqrt{\pi}} (1 + \operatorname{poly}(1/x^2))
	*     ```
	*
	*     We use a rational approximation to approximate
	*
	*     ```tex
	*     g(s) = f(1/x^2) = \ln(\operatorname{erfc}(x) \cdot x) - x^2 + 0.5625
	*     ```
	*
	* -   The error bound for \\(\mathrm{R1}/\mathrm{S1}\\) is
	*
	*     ```tex
	*     |\mathrm{R1}/\mathrm{S1} - f(x)| < 2^{-62.57}
	*     ```
	*
	*     and for \\(\mathrm{R2}/\mathrm{S2}\\) is
	*
	*     ```tex
	*     |\mathrm{R2}/\mathrm{S2} - f(x)| < 2^{-61.52}
	*     ```
	*
	* @param {number} x - input value
	* @returns {number} function value
	*
	* @example
	* var y = erfc( 2.0 );
	* // returns ~0.0047
	*
	* @example
	* var y = erfc( -1.0 );
	* // returns ~1.8427
	*
	* @example
	* var y = erfc( 0.0 );
	* // returns 1.0
	*
	* @example
	* var y = erfc( Infinity );
	* // returns 0.0
	*
	* @example
	* var y = erfc( -Infinity );
	* // returns 2.0
	*
	* @example
	* var y = erfc( NaN );
	* // returns NaN
	*/
	function erfc( x ) {
		var sign;
		var ax;
		var z;
		var r;
		var s;
		var y;
		var p;
		var q;

		// Special case: NaN
		if ( isnan( x ) ) {
			return NaN;
		}
		// Special case: +infinity
		if ( x === PINF ) {
			return 0.0;
		}
		// Special case: -infinity
		if ( x === NINF ) {
			return 2.0;
		}
		// Special case: +-0
		if ( x === 0.0 ) {
			return 1.0;
		}
		if ( x < 0.0 ) {
			sign = true;
			ax = -x;
		} else {
			sign = false;
			ax = x;
		}
		// |x| < 0.84375
		if ( ax < 0.84375 ) {
			if ( ax < SMALL ) {
				return 1.0 - x; // raise inexact
			}
			z = x * x;
			r = PPC + ( z*polyvalPP( z ) );
			s = QQC + ( z*polyvalQQ( z ) );
			y = r / s;

			// x < 1/4
			if ( x < 0.25 ) {
				return 1.0 - ( x + (x*y) );
			}
			r = x * y;
			r += x - 0.5;
			return 0.5 - r;
		}
		// 0.84375 <= |x| < 1.25
		if ( ax < 1.25 ) {
			s = ax - 1.0;
			p = PAC + ( s*polyvalPA( s ) );
			q = QAC + ( s*polyvalQA( s ) );
			if ( sign ) {
				return 1.0 + ERX + (p/q);
			}
			return 1.0 - ERX - (p/q);
		}
		// |x| < 28
		if ( ax < 28.0 ) {
			s = 1.0 / (ax*ax);

			// |x| < 1/0.35 ~ 2.857143
			if ( ax < 2.857142857142857 ) {
				r = RAC + ( s*polyvalRA( s ) );
				s = SAC + ( s*polyvalSA( s ) );
			}
			// |x| >= 1/0.35 ~ 2.857143
			else {
				// x < -6
				if ( x < -6 ) {
					return 2.0 - TINY; // raise inexact
				}
				r = RBC + ( s*polyvalRB( s ) );
				s = SBC + ( s*polyvalSB( s ) );
			}
			z = setLowWord( ax, 0 ); // pseudo-single (20-bit) precision x
			r = exp( -(z*z) - 0.5625 ) * exp( ((z-ax)*(z+ax)) + (r/s) );
			if ( sign ) {
				return 2.0 - (r/ax);
			}
			return r/ax;
		}
		if ( sign ) {
			return 2.0 - TINY; // raise inexact; ~2
		}
		return TINY * TINY; // raise inexact; ~0
	}


	// EXPORTS //

	main = erfc;
	return main;
}

/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

var lib;
var hasRequiredLib;

function requireLib () {
	if (hasRequiredLib) return lib;
	hasRequiredLib = 1;

	/**
	* Evaluate the complementary error function.
	*
	* @module @stdlib/math-base-special-erfc
	*
	* @example
	* var erfc = require( '@stdlib/math-base-special-erfc' );
	*
	* var y = erfc( 2.0 );
	* // returns ~0.0047
	*
	* y = erfc( -1.0 );
	* // returns ~1.8427
	*
	* y = erfc( 0.0 );
	* // returns 1.0
	*
	* y = erfc( Infinity );
	* // returns 0.0
	*
	* y = erfc( -Infinity );
	* // returns 2.0
	*
	* y = erfc( NaN );
	* // returns NaN
	*/

	// MODULES //

	var main = requireMain();


	// EXPORTS //

	lib = main;
	return lib;
}

var libExports = requireLib();
var erfc = /*@__PURE__*/getDefaultExportFromCjs(libExports);

/** scipy's `auto`: the exact distribution when either sample has at most this many points and nothing ties. */ const EXACT_LIMIT = 8;
function mannWhitneyU(x, y, alternative = 'two-sided', method = 'auto') {
    const n1 = x.length;
    const n2 = y.length;
    if (n1 === 0 || n2 === 0) throw new RangeError('Mann-Whitney U needs at least one value in each sample');
    if ([
        ...x,
        ...y
    ].some((v)=>!Number.isFinite(v))) throw new RangeError('Mann-Whitney U needs finite values');
    const { ranks, tieTerm } = rank([
        ...x,
        ...y
    ]);
    let rankSumX = 0;
    for(let i = 0; i < n1; i++)rankSumX += ranks[i];
    const u1 = rankSumX - n1 * (n1 + 1) / 2;
    const u2 = n1 * n2 - u1;
    const useExact = method === 'exact' || method === 'auto' && tieTerm === 0 && Math.min(n1, n2) <= EXACT_LIMIT;
    if (useExact) {
        if (tieTerm !== 0) throw new RangeError('the exact Mann-Whitney U distribution needs samples without ties');
        const pValue = exactPValue(n1, n2, u1, u2, alternative);
        return {
            u: u1,
            pValue,
            method: 'exact'
        };
    }
    const n = n1 + n2;
    const mean = n1 * n2 / 2;
    const sd = Math.sqrt(n1 * n2 / 12 * (n + 1 - tieTerm / (n * (n - 1))));
    // Every value tied: no evidence either way.
    if (sd === 0) return {
        u: u1,
        pValue: 1,
        method: 'asymptotic'
    };
    const stat = alternative === 'greater' ? u1 : alternative === 'less' ? u2 : Math.max(u1, u2);
    const z = (stat - mean - 0.5) / sd;
    const tail = normalSf(z);
    const pValue = alternative === 'two-sided' ? Math.min(1, 2 * tail) : tail;
    return {
        u: u1,
        pValue: clamp01(pValue),
        method: 'asymptotic'
    };
}
/** Average ranks (1-based) and Σ(t³ − t) over tie groups. */ function rank(values) {
    const order = values.map((v, i)=>[
            v,
            i
        ]).sort((a, b)=>a[0] - b[0]);
    const ranks = new Array(values.length);
    let tieTerm = 0;
    for(let i = 0; i < order.length;){
        let j = i;
        while(j + 1 < order.length && order[j + 1][0] === order[i][0])j++;
        const average = (i + j + 2) / 2;
        for(let k = i; k <= j; k++)ranks[order[k][1]] = average;
        const t = j - i + 1;
        tieTerm += t * t * t - t;
        i = j + 1;
    }
    return {
        ranks,
        tieTerm
    };
}
/** P-value from the exact null distribution of U. */ function exactPValue(n1, n2, u1, u2, alternative) {
    const counts = uDistribution(n1, n2);
    let total = 0n;
    for (const c of counts)total += c;
    // P(U ≥ u): U takes whole values when nothing ties.
    const sf = (u)=>{
        let tail = 0n;
        for(let k = Math.max(0, Math.ceil(u - 1e-9)); k < counts.length; k++)tail += counts[k];
        return Number(tail) / Number(total);
    };
    if (alternative === 'greater') return clamp01(sf(u1));
    if (alternative === 'less') return clamp01(sf(u2));
    return clamp01(2 * sf(Math.max(u1, u2)));
}
/**
 * counts[u] = number of orderings of n1 x's and n2 y's whose U statistic is u: the coefficients of the Gaussian
 * binomial [n1+n2 choose n1]_q = ∏_{i=1..m} (1 − q^(n+i)) / (1 − q^i) with m = min(n1, n2), n = max(n1, n2).
 * Whole numbers (BigInt), so large samples lose nothing to rounding before the final division.
 */ function uDistribution(n1, n2) {
    const m = Math.min(n1, n2);
    const n = Math.max(n1, n2);
    let poly = [
        1n
    ];
    for(let i = 1; i <= m; i++){
        // × (1 − q^(n+i))
        const shift = n + i;
        const product = new Array(poly.length + shift).fill(0n);
        for(let k = 0; k < poly.length; k++){
            product[k] += poly[k];
            product[k + shift] -= poly[k];
        }
        // ÷ (1 − q^i): r[k] = p[k] + r[k − i]; exact, the quotient has degree i·n.
        const quotient = new Array(i * n + 1);
        for(let k = 0; k < quotient.length; k++)quotient[k] = product[k] + (k >= i ? quotient[k - i] : 0n);
        poly = quotient;
    }
    return poly;
}
/** Upper tail of the standard normal distribution. */ function normalSf(z) {
    return 0.5 * erfc(z / Math.SQRT2);
}
function clamp01(p) {
    return Math.min(1, Math.max(0, p));
}

/** Does the rule compare the canary with the baseline (so the baseline must be measured too)? */ function needsBaseline(check) {
    return check.rule.type !== 'threshold';
}
/**
 * Turns the readings of one measurement into its phase. Missing data, NaN and too little traffic are
 * Inconclusive, never Successful; a query that could not run is an Error.
 */ function assess(check, obs) {
    const readings = [
        [
            'canary',
            obs.canary
        ],
        [
            'baseline',
            obs.baseline
        ],
        [
            'canary samples',
            obs.canarySamples
        ],
        [
            'baseline samples',
            obs.baselineSamples
        ]
    ];
    for (const [what, reading] of readings)if (reading && !reading.ok) return {
        phase: 'Error',
        message: `${what} query failed: ${reading.error}`
    };
    const result = {
        phase: 'Inconclusive',
        message: ''
    };
    if (check.samples) {
        const guard = trafficGuard(check.samples.min, obs.canarySamples, 'canary', result, 'canarySamples');
        if (guard) return {
            ...result,
            message: guard
        };
        if (needsBaseline(check)) {
            const baselineGuard = trafficGuard(check.samples.min, obs.baselineSamples, 'baseline', result, 'baselineSamples');
            if (baselineGuard) return {
                ...result,
                message: baselineGuard
            };
        }
    }
    const rule = check.rule;
    if (rule.type === 'mann-whitney') return {
        ...result,
        ...assessMannWhitney(rule, obs)
    };
    const canary = single(obs.canary, 'canary');
    if (typeof canary === 'string') return {
        ...result,
        phase: 'Inconclusive',
        message: canary
    };
    result.canary = canary;
    if (rule.type === 'threshold') return {
        ...result,
        ...assessThreshold(rule, canary, check.unit)
    };
    const baseline = single(obs.baseline, 'baseline');
    if (typeof baseline === 'string') return {
        ...result,
        phase: 'Inconclusive',
        message: baseline
    };
    result.baseline = baseline;
    return {
        ...result,
        ...assessRatio(rule, canary, baseline)
    };
}
function trafficGuard(min, reading, side, into, key) {
    const count = reading?.ok ? reading.values[0] : undefined;
    if (count === undefined || Number.isNaN(count)) return `no ${side} traffic data (the sample count query returned nothing)`;
    into[key] = count;
    if (reading?.ok && reading.values.length > 1) return `the ${side} sample count query returned ${reading.values.length} series; aggregate it with sum()`;
    if (count < min) return `too little ${side} traffic: ${fmt(count)} samples, need ${min}`;
    return undefined;
}
/** One finite value, or the reason there is none. */ function single(reading, side) {
    if (!reading?.ok) return `no ${side} reading`;
    if (reading.values.length === 0) return `no ${side} data (empty result)`;
    if (reading.values.length > 1) return `the ${side} query returned ${reading.values.length} series; aggregate it to one (sum, max, histogram_quantile)`;
    const value = reading.values[0];
    if (Number.isNaN(value)) return `the ${side} value is NaN (no events in the window)`;
    if (!Number.isFinite(value)) return `the ${side} value is ${value} (division by zero)`;
    return value;
}
function assessThreshold(rule, canary, unit) {
    const u = unit && unit !== 'ratio' && unit !== 'count' ? ` ${unit}` : '';
    if (rule.max !== undefined && canary > rule.max) return {
        phase: 'Failed',
        message: `canary ${fmt(canary)}${u} > max ${fmt(rule.max)}${u}`
    };
    if (rule.min !== undefined && canary < rule.min) return {
        phase: 'Failed',
        message: `canary ${fmt(canary)}${u} < min ${fmt(rule.min)}${u}`
    };
    const bounds = [
        rule.min !== undefined ? `≥ ${fmt(rule.min)}` : '',
        rule.max !== undefined ? `≤ ${fmt(rule.max)}` : ''
    ].filter(Boolean).join(' and ');
    return {
        phase: 'Successful',
        message: `canary ${fmt(canary)}${u} ${bounds}`
    };
}
function assessRatio(rule, canary, baseline) {
    const upper = baseline * rule.maxRatio + rule.allowance;
    if (canary > upper) return {
        phase: 'Failed',
        message: `canary ${fmt(canary)} > baseline ${fmt(baseline)} × ${rule.maxRatio}${rule.allowance ? ` + ${rule.allowance}` : ''} = ${fmt(upper)}`
    };
    if (rule.minRatio !== undefined) {
        const lower = baseline * rule.minRatio - rule.allowance;
        if (canary < lower) return {
            phase: 'Failed',
            message: `canary ${fmt(canary)} < baseline ${fmt(baseline)} × ${rule.minRatio} = ${fmt(lower)}`
        };
    }
    return {
        phase: 'Successful',
        message: `canary ${fmt(canary)} within ${rule.maxRatio}× baseline ${fmt(baseline)}`
    };
}
function assessMannWhitney(rule, obs) {
    const canary = finiteValues(obs.canary);
    const baseline = finiteValues(obs.baseline);
    const out = {};
    if (canary.length > 0) out.canary = median(canary);
    if (baseline.length > 0) out.baseline = median(baseline);
    if (canary.length < rule.minSamples || baseline.length < rule.minSamples) return {
        ...out,
        phase: 'Inconclusive',
        message: `too few points for Mann-Whitney U: canary ${canary.length}, baseline ${baseline.length}, need ${rule.minSamples} each`
    };
    const alternative = rule.direction === 'increase' ? 'greater' : rule.direction === 'decrease' ? 'less' : 'two-sided';
    const { pValue } = mannWhitneyU(canary, baseline, alternative);
    out.pValue = pValue;
    const alpha = 1 - rule.confidence;
    const cm = out.canary;
    const bm = out.baseline;
    const shift = bm === 0 ? cm === 0 ? 0 : Number.POSITIVE_INFINITY : (cm - bm) / Math.abs(bm);
    const worse = rule.direction === 'increase' ? shift > rule.tolerance : rule.direction === 'decrease' ? -shift > rule.tolerance : Math.abs(shift) > rule.tolerance;
    const summary = `canary median ${fmt(cm)} vs baseline ${fmt(bm)} (${shift >= 0 ? '+' : ''}${fmt(shift * 100)}%), p=${fmt(pValue)}`;
    if (pValue < alpha && worse) return {
        ...out,
        phase: 'Failed',
        message: `${summary} < ${fmt(alpha)}: significantly worse at ${rule.confidence} confidence`
    };
    return {
        ...out,
        phase: 'Successful',
        message: `${summary}: not significantly worse beyond ${fmt(rule.tolerance * 100)}%`
    };
}
function finiteValues(reading) {
    return reading?.ok ? reading.values.filter((v)=>Number.isFinite(v)) : [];
}
function median(values) {
    const sorted = [
        ...values
    ].sort((a, b)=>a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
/** Compact number for messages: 0.0512, 1234.5, 3e-7. */ function fmt(n) {
    if (!Number.isFinite(n)) return String(n);
    if (n === 0) return '0';
    if (Math.abs(n) >= 1e-3 && Math.abs(n) < 1e6) return String(Number(n.toPrecision(4)));
    return n.toExponential(2);
}

// Formatting for the analysis report and its PromQL; parsing is core/duration.ts's `parseDuration`.
/** Milliseconds → a PromQL range duration (whole seconds, at least 1s), e.g. 90000 → `"90s"`. */ function promDuration(ms) {
    return `${Math.max(1, Math.round(ms / 1000))}s`;
}
/** Milliseconds → short human text: 1500 → `"1.5s"`, 90000 → `"1m30s"`. */ function formatDuration(ms) {
    if (ms < 1000) return `${Math.round(ms)}ms`;
    if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round(ms % 60_000 / 1000);
    return seconds === 0 ? `${minutes}m` : `${minutes}m${seconds}s`;
}

const SOURCE_LABEL = {
    prometheus: 'Prometheus',
    temporal: 'Temporal'
};
/** The sources of the checks that failed, each once, in check order. */ function failedSources(checks) {
    return [
        ...new Set(checks.filter((c)=>c.phase === 'Failed').map((c)=>c.source))
    ];
}
const VERDICT_ICON = {
    pass: '✅',
    fail: '❌',
    inconclusive: '⚠️'
};
const PHASE_ICON = {
    Successful: '✅',
    Failed: '❌',
    Inconclusive: '⚠️',
    Error: '🛑',
    Running: '⏳'
};
/** Markdown for the job summary: verdict, reasons, a table of checks, a Mermaid chart per check, every measurement. */ function renderMarkdown(report) {
    const s = report.settings;
    const lines = [
        `## Canary analysis: ${VERDICT_ICON[report.verdict]} ${report.verdict}`,
        '',
        `Canary \`${report.selectors.canary}\` against baseline \`${report.selectors.baseline}\`: ${report.ticks} of ${s.count} measurements every ${formatDuration(s.intervalMs)}${report.endedEarly ? ' (ended early)' : ''}, window ${formatDuration(s.windowMs)}, limits: failures ${s.failureLimit}, inconclusive ${s.inconclusiveLimit}, consecutive errors ${s.consecutiveErrorLimit}.`,
        '',
        ...report.selectorRule ? [
            `Selector: ${escapeCell(report.selectorRule)}.`,
            ''
        ] : [],
        ...report.failedSources.length > 0 ? [
            `Failed by: ${report.failedSources.map((s)=>SOURCE_LABEL[s]).join(' and ')}.`,
            ''
        ] : [],
        ...report.reasons.map((r)=>`- ${escapeCell(r)}`),
        '',
        '| Check | Source | Phase | ✅ | ❌ | ⚠️ | 🛑 | Last canary | Last baseline | Last result |',
        '|---|---|---|---|---|---|---|---|---|---|'
    ];
    for (const c of report.checks){
        const last = c.measurements.at(-1);
        lines.push(`| ${c.name}${c.failFast ? ' (fail-fast)' : ''} | ${SOURCE_LABEL[c.source]} | ${PHASE_ICON[c.phase]} ${c.phase} | ${c.counts.successful} | ${c.counts.failed} | ${c.counts.inconclusive} | ${c.counts.error} | ${num(last?.canary)} | ${num(last?.baseline)} | ${escapeCell(last?.message ?? '')} |`);
    }
    for (const c of report.checks){
        const chart = renderChart(c);
        if (chart) lines.push('', chart);
    }
    lines.push('', '<details><summary>Every measurement</summary>', '');
    lines.push('| Check | # | Phase | Canary | Baseline | Samples (c/b) | Started | Finished | Message |');
    lines.push('|---|---|---|---|---|---|---|---|---|');
    for (const c of report.checks)for (const m of c.measurements)lines.push(`| ${c.name} | ${m.index} | ${PHASE_ICON[m.phase]} ${m.phase} | ${num(m.canary)} | ${num(m.baseline)} | ${num(m.canarySamples)}/${num(m.baselineSamples)} | ${m.startedAt} | ${m.finishedAt} | ${escapeCell(m.message)} |`);
    lines.push('', '</details>', '');
    return lines.join('\n');
}
/**
 * A Mermaid xychart of canary (red, first line) against baseline (blue, second line) per measurement;
 * undefined when the check has no canary values. Points without a value repeat the previous one.
 */ function renderChart(check) {
    const points = check.measurements.filter((m)=>m.canary !== undefined);
    if (points.length === 0) return undefined;
    const canary = fill(points.map((m)=>m.canary));
    const hasBaseline = points.some((m)=>m.baseline !== undefined);
    const baseline = hasBaseline ? fill(points.map((m)=>m.baseline)) : undefined;
    const all = [
        ...canary,
        ...baseline ?? []
    ];
    const max = Math.max(...all);
    const min = Math.min(0, ...all);
    const top = max === min ? min + 1 : max * 1.1;
    return [
        '```mermaid',
        '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#d62728, #1f77b4"}}}}%%',
        'xychart-beta',
        `  title "${check.name}: canary (red)${baseline ? ' vs baseline (blue)' : ''}"`,
        `  x-axis [${points.map((m)=>`"${m.index}"`).join(', ')}]`,
        `  y-axis "${check.name}" ${mermaidNum(min)} --> ${mermaidNum(top)}`,
        `  line [${canary.map(mermaidNum).join(', ')}]`,
        ...baseline ? [
            `  line [${baseline.map(mermaidNum).join(', ')}]`
        ] : [],
        '```'
    ].join('\n');
}
function fill(values) {
    let previous = 0;
    return values.map((v)=>{
        if (v !== undefined) previous = v;
        return previous;
    });
}
function mermaidNum(n) {
    return String(Number(n.toPrecision(6)));
}
function num(n) {
    return n === undefined ? '—' : fmt(n);
}

/**
 * Label matchers for one side, e.g. `task_queue="order-task-queue-v2", namespace="default"`. A comma-separated
 * value matches any of its parts (a worker process polls an order and a payment queue):
 * `task_queue=~"order-task-queue-v2|payment-task-queue-v2"`.
 */ function sideMatchers(selector, side) {
    const value = selector[side];
    if (value === undefined) throw new Error(`no ${side} value for selector label ${selector.label}`);
    const parts = selectorValues(value);
    const own = labelMatcher(selector.label, parts.length > 0 ? parts : [
        value
    ]);
    return selector.matchers ? `${own}, ${selector.matchers}` : own;
}
/** The parts of a comma-separated selector value (`order-task-queue-v2, payment-task-queue-v2`). */ function selectorValues(value) {
    return value.split(',').map((p)=>p.trim()).filter(Boolean);
}
/** `label="v"` for one value, `label=~"v1|v2"` for several; values escaped for a PromQL string and regex. */ function labelMatcher(label, values) {
    return values.length > 1 ? `${label}=~"${escapeLabelValue(values.map(escapeRegExp).join('|'))}"` : `${label}="${escapeLabelValue(values[0] ?? '')}"`;
}
/** Fills `{{selector}}` and `{{window}}` in a check's PromQL template. */ function renderQuery(template, matchers, windowMs) {
    return template.replaceAll('{{selector}}', matchers).replaceAll('{{window}}', promDuration(windowMs));
}
function escapeLabelValue(value) {
    return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

// Which label tells the canary's metrics from stable's, and its value on each side: one rule for the rollout
// workflow (per ramp step) and the analyze step. Pure.
/**
 * The label carrying a worker's build id (its release version without `v`) on every metric: the order worker
 * sets it as a global metric tag (BUILD_ID), and the chart's PodMonitor copies it from the pod label
 * `temporal-rollout/build-id`.
 */ const BUILD_ID_LABEL = 'temporal_rollout_build_id';
/** The side of a release run with the build id the rollout gives every version (see `buildIdFor`). */ function sideOfVersion(version, queues) {
    return {
        buildId: buildIdFor(version),
        queues
    };
}
function sameQueues(a, b) {
    const set = new Set(a);
    return a.length === b.length && b.every((q)=>set.has(q));
}
/**
 * The selectors of one comparison. By `task_queue` while the two sides poll different queues. When they poll
 * the same queues (replay verdict same-queue, a queue template that shares stable's, worker versioning) and
 * rollout.yaml names no label, by the build-id label, kept to the shared queues (another app's workers may
 * run a build of the same version). A label the user names is kept: `task_queue` then compares the queues
 * (equal values: the caller holds), any other label compares the build ids.
 */ function chooseSelectors(selector, canary, baseline) {
    const userMatchers = selector.matchers ? {
        matchers: selector.matchers
    } : {};
    const shared = sameQueues(canary.queues, baseline.queues);
    if (selector.labelDefaulted && shared && canary.buildId !== baseline.buildId) {
        const queues = canary.queues.join(',');
        return {
            label: BUILD_ID_LABEL,
            canary: canary.buildId,
            baseline: baseline.buildId,
            matchers: [
                labelMatcher('task_queue', canary.queues),
                selector.matchers
            ].filter(Boolean).join(', '),
            rule: `canary and stable both poll ${queues}, so they are compared by their build id (${BUILD_ID_LABEL} ${canary.buildId} against ${baseline.buildId}) on those queues`
        };
    }
    if (selector.label === 'task_queue') {
        const [c, b] = [
            canary.queues.join(','),
            baseline.queues.join(',')
        ];
        const named = selector.labelDefaulted ? 'the default label task_queue' : 'analysis.selector.label task_queue';
        return {
            label: 'task_queue',
            canary: c,
            baseline: b,
            ...userMatchers,
            rule: shared ? `${named}: canary and stable both poll ${c}, so their metrics cannot be told apart` : `${named}: canary polls ${c}, stable polls ${b}`
        };
    }
    return {
        label: selector.label,
        canary: canary.buildId,
        baseline: baseline.buildId,
        ...userMatchers,
        rule: `analysis.selector.label ${selector.label}: the canary's build id ${canary.buildId} against stable's ${baseline.buildId}`
    };
}
/** One line for people: what was compared, by which label, and why (`label` unset: rollout.yaml's). */ function describeComparison(selectors) {
    const by = selectors.label ? ` by ${selectors.label}` : '';
    const why = selectors.rule ? ` — ${selectors.rule}` : '';
    return `canary ${selectors.canary} against baseline ${selectors.baseline}${by}${why}`;
}

export { BUILD_ID_LABEL as B, renderChart as a, formatDuration as b, chooseSelectors as c, describeComparison as d, failedSources as e, fmt as f, assess as g, sideMatchers as h, renderQuery as i, sideOfVersion as j, needsBaseline as n, renderMarkdown as r, selectorValues as s };
