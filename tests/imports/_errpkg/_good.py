NAME = "good"
