// FrusTheme: placeholder until its first file lands.
