namespace Waves.Engine.Expressions.Evaluation;

internal enum ListReduction { Sum, Mean, Std, Max, Min }
