// FrusImport: placeholder until its first file lands.
