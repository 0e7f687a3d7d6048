import '../adapters/protobuf-long.js';
import { runDoctorAction } from '../action/doctor.js';

await runDoctorAction();
