print("esafety")
