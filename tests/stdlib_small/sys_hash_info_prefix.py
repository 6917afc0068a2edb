# sys.hash_info matches the hashes adder computes; sys.prefix and friends.
import sys, os
h = sys.hash_info
print(h.width, h.modulus, h.inf, h.nan, h.imag, h.algorithm, h.hash_bits, h.seed_bits, h.cutoff)
print(hash(float('inf')) == h.inf, hash(2**61 - 1) == 0, hash(1j) == h.imag)
print(sys.prefix == sys.base_prefix == sys.exec_prefix == sys.base_exec_prefix)
print(os.path.isdir(os.path.join(sys.prefix, 'lib', 'python3.14')))
import fractions
print(fractions.Fraction(1, 3) + fractions.Fraction(1, 6), hash(fractions.Fraction(1, 2)) == hash(0.5))
