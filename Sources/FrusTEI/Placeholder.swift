// FrusTEI: placeholder until its first file lands.
