# An unhandled part of a group ends the program with CPython's boxed traceback.
def work():
    raise ExceptionGroup("problems", [ValueError("bad value"), TypeError("bad type")])

def main():
    try:
        work()
    except* ValueError as e:
        print("handled", e.exceptions)

main()
