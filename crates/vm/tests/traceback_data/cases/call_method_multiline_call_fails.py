text = "a,b,c"
parts = (
    text
    .upper()
    .split(
        1,
        2,
        3,
    )
)
