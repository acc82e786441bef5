// Filled in by the part of the desktop client it tests.
