// FrusPlainText: placeholder until its first file lands.
