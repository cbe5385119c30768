"""BPJS Ketenagakerjaan coverage of a batch's trainees (JKK, JKM): records, the staff import and the roster export,
and the gate before practice sessions and practical assessment (docs/training-cycle.md)."""
