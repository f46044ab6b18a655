namespace Waves.Engine.Expressions.Syntax;

internal enum UnaryOperator { Negate, Not }

internal enum BinaryOperator { Add, Subtract, Multiply, Divide, FloorDivide, Modulo, Power, And, Or }

internal enum CompareOperator { Less, LessOrEqual, Greater, GreaterOrEqual, Equal, NotEqual }
