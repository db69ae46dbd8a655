#include "python_errors.h"

#include <Python.h>
#include <pybind11/pybind11.h>

namespace dyad::python {
namespace {

[[noreturn]] void Raise(PyObject* type, const Status& status) {
  PyErr_SetString(type, status.message().c_str());
  throw pybind11::error_already_set();
}

}  // namespace

void RaiseIfError(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return;
    case StatusCode::kInvalidArgument:
    case StatusCode::kDataLoss:
    case StatusCode::kParseError:
      Raise(PyExc_ValueError, status);
    case StatusCode::kNotFound:
      Raise(PyExc_FileNotFoundError, status);
    case StatusCode::kIoError:
      Raise(PyExc_OSError, status);
    case StatusCode::kInternal:
      break;
  }
  Raise(PyExc_RuntimeError, status);
}

void RaiseIfOpenError(const Status& status) {
  if (status.ok()) return;
  if (status.code() == StatusCode::kNotFound) {
    Raise(PyExc_FileNotFoundError, status);
  }
  Raise(PyExc_OSError, status);
}

}  // namespace dyad::python
