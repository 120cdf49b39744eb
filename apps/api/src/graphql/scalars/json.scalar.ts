import { GraphQLScalarType, Kind, type ObjectValueNode, type ValueNode } from 'graphql';

/** Arbitrary JSON value (event payloads in history). */
export const GraphQLJSON = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Arbitrary JSON value (event payloads in history).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => literalValue(ast, variables),
});

function literalValue(ast: ValueNode, variables?: { [key: string]: unknown } | null): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((value) => literalValue(value, variables));
    case Kind.OBJECT:
      return objectValue(ast, variables);
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    case Kind.ENUM:
      return ast.value;
  }
}

function objectValue(ast: ObjectValueNode, variables?: { [key: string]: unknown } | null): Record<string, unknown> {
  // No prototype: a "__proto__" key stays a plain key.
  const result: Record<string, unknown> = Object.create(null);
  for (const field of ast.fields) result[field.name.value] = literalValue(field.value, variables);
  return result;
}
