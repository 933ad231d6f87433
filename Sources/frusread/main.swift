print("frusread")
