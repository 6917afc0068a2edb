def fail():
    raise RuntimeError(
        "a long message "
        "over lines"
    )

fail()
