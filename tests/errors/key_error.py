# Looking up a missing dict key.
ages = {"ann": 31, "bob": 25}
print(ages["ann"])
def age_of(name):
    return ages[name]
print(age_of("bob"))
print(age_of("cat"))
