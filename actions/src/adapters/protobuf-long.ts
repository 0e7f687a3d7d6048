// protobufjs finds long.js with a `require('long')` inside try/catch, which a bundle cannot satisfy at run time
// (there is no node_modules beside actions/dist). Without it, int64 fields decode as plain numbers and the
// Temporal client breaks (`historyLength.toNumber is not a function`). loadStep (step-loader.ts) and openRollout
// import this before any module that reaches the Temporal client.
import Long from 'long';
import protobuf from 'protobufjs/minimal.js';

protobuf.util.Long = Long;
protobuf.configure();
