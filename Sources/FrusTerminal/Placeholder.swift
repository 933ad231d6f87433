// FrusTerminal: placeholder until its first file lands.
