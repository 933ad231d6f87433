// FrusView: placeholder until its first file lands.
