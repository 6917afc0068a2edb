# Float format specs without width or grouping (laid out without the padding step)
# next to the same specs with them, over signs, zeros, `z`, `%`, `#` and non-finite values.

values = [0.0, -0.0, 1.5, -1.5, 2.675, -0.0004, 1e16, -1e-7, 123456.789, float("inf"), -float("inf"), float("nan")]
specs = ["", ".3f", "+.2f", " .1e", "z.1f", "z.0%", ".2%", "#.0f", "g", "+G", ".10g", "#g", "E", "F", ".0", "n",
         "10.2f", "<8.1f", ",.2f", "_g", ".3_f", "+012.3e", "z=+10.1f"]
for v in values:
    print(repr(v), [format(v, s) for s in specs])
print(["%.4f" % v for v in values], ["%+.2e" % v for v in values], ["%g" % v for v in values])
print([f"{v:.3f}|{v:12.5e}|{v:,.2f}|{v:g}" for v in values[:6]])
for bad in ["d", ".2s", ",d"]:
    try:
        format(1.5, bad)
    except ValueError as e:
        print(bad, e)
