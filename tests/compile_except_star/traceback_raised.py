# An exception raised inside an except* clause: the group of new and unhandled parts.
def main():
    try:
        raise ExceptionGroup("orig", [ValueError(1), KeyError(2)])
    except* ValueError:
        raise RuntimeError("while handling")

main()
