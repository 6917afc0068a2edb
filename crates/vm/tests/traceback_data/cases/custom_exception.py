class AppError(Exception):
    pass

class Inner:
    class Error(Exception):
        pass

raise Inner.Error("nested class")
