// dyad Status to Python exceptions. Call with the GIL held.
#ifndef DYAD_PYTHON_PYTHON_ERRORS_H_
#define DYAD_PYTHON_PYTHON_ERRORS_H_

#include "dyad/status.h"

namespace dyad::python {

// Returns when `status` is OK; otherwise raises (throws
// pybind11::error_already_set for) the Python exception of its code with
// its message, which names the file and the line or byte offset:
// ValueError for invalid arguments and malformed or unexpected input,
// FileNotFoundError for a missing file, OSError for an I/O failure and
// RuntimeError for an internal error.
void RaiseIfError(const Status& status);

// As RaiseIfError, for a file that should be opened as a store: every
// failure is an OSError (FileNotFoundError when missing), since a file that
// is a directory, not SQLite or not a dyad store is a problem of the file,
// not of the caller's arguments.
void RaiseIfOpenError(const Status& status);

}  // namespace dyad::python

#endif  // DYAD_PYTHON_PYTHON_ERRORS_H_
