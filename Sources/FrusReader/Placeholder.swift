// FrusReader: placeholder until its first file lands.
