using Waves.Engine.Expressions.Evaluation;

namespace Waves.Engine.Expressions.Compilation;

/// <summary>What a subexpression compiles to; <see cref="Offset"/> is where it starts in the text.</summary>
internal abstract record Value(int Offset);

/// <summary>A per-sample wave.</summary>
internal sealed record WaveValue(Evaluator Evaluator, int Offset) : Value(Offset);

/// <summary>A list, known at compile time; its items may be waves or lists.</summary>
internal sealed record ListValue(IReadOnlyList<Value> Items, int Offset) : Value(Offset);
