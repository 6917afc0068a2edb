café = 1
naïve = 0
résultat = [café / naïve]
