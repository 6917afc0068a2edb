# printf-style %, str.format/format_map, format(), f-strings and str() keep lone
# surrogates (from the operands, the template and the spec's fill).
from _show import show

s = '\ud800'
t = 'a\udcffb'


class Obj:
    def __str__(self):
        return 'o' + s

    def __format__(self, spec):
        return 'f' + spec + t


show('%s', lambda: '%s|' % s)
show('%r %a', lambda: '%r %a' % (t, t))
show('%c int', lambda: '%c|%c' % (0xd800, 0xdfff))
show('%c str', lambda: '%c' % '\udc80')
show('%5s', lambda: '[%5s][%-5s][%.2s]' % (s, t, t))
show('%(key)s', lambda: '%(k)s' % {'k': t})
show('template', lambda: (t + '%s%d') % ('x', 3))
show('%s obj', lambda: '%s' % Obj())
show('%s exc', lambda: '%s' % ValueError(t))
show('%s list', lambda: '%s' % [t])
show('format', lambda: '{}|{!r}|{!s}|{!a}'.format(s, t, t, t))
show('format spec', lambda: '{:>5}|{:^7}|{:.2}'.format(t, t, t))
show('format fill', lambda: format('x', '\udc80^5'))
show('format template', lambda: (t + '{}').format(1))
show('format_map', lambda: '{a}'.format_map({'a': t}))
show('format key', lambda: '{\udc80}'.format_map({'\udc80': 1}))
show('format index key', lambda: '{0[\udc80]}'.format({'\udc80': 2}))
show('format obj', lambda: '{:\udc80}'.format(Obj()))
show('format()', lambda: format(t, '<6'))
show('__format__', lambda: t.__format__('>4'))
show('f-string', lambda: f'{s}x{t!r}{t:>5}{Obj()}{Obj():z}')
show('f-string !s', lambda: f'{Obj()!s}')
show('str(obj)', lambda: str(Obj()))
show('str(exc)', lambda: str(KeyError(t)) + str(ValueError(t)))
show('repr containers', lambda: (str([s, t]), repr({s: t}), str((t,)), str({t})))
show('%c out of range', lambda: '%c' % 0x110000)
show('lengths', lambda: len('%s' % t) + len(f'{t:3}'))
show('equal', lambda: '%s' % t == t and f'{t}' == t and '{}'.format(t) == t)


class R:
    def __repr__(self):
        return 'r' + t


show('repr() user', lambda: repr(R()))
show('ascii() user', lambda: ascii(R()))
show('!a user', lambda: (f'{R()!a}', '{!a}'.format(R()), '%a' % R()))
show('!r user', lambda: (f'{R()!r}', '{!r}'.format([R()]), '%r' % R()))
show('{:c}', lambda: (format(0xdc00, 'c'), '{:c}|{:>3c}'.format(0xd800, 0xdfff), f'{0xdc80:c}'))
show('%(key)s surrogate', lambda: '%(\udc80)s' % {'\udc80': 1})


class C:
    pass


show('getattr', lambda: getattr(C(), 'a\udcffb'))
show('getattr type', lambda: getattr(C, '\udc80'))
show('setattr int', lambda: setattr(1, 'x\udc80', 1))
try:
    C().__getattribute__('\ud800')
except AttributeError as e:
    print('attribute error args', ascii(e.args), ascii(e.name))
