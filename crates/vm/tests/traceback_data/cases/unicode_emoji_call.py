print("🎉🎉🎉", int("🎉"))
