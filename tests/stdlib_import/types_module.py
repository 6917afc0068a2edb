import types
for name in ['FunctionType', 'LambdaType', 'CodeType', 'CellType', 'GeneratorType', 'MethodType',
             'BuiltinFunctionType', 'WrapperDescriptorType', 'MethodWrapperType',
             'ModuleType', 'TracebackType', 'FrameType', 'GetSetDescriptorType',
             'MemberDescriptorType', 'GenericAlias', 'UnionType', 'NoneType',
             'EllipsisType', 'NotImplementedType']:
    print(name, getattr(types, name).__name__)
print(types.new_class('K', (object,)), types.resolve_bases((list[int], int)))
def gen():
    yield 1
print(isinstance(gen(), types.GeneratorType), isinstance(len, types.BuiltinFunctionType))
print(types.MappingProxyType is type(type.__dict__))
