# Not run itself: version.args runs `adder -V`.
