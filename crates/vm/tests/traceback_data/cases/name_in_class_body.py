class Config:
    size = 10
    half = size / 0
