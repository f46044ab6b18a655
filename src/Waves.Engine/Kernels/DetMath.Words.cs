namespace Waves.Engine.Kernels;

// fdlibm works on the two 32-bit halves of a double; these read and write them.
public static partial class DetMath
{
    static int High(double x) => (int)(BitConverter.DoubleToInt64Bits(x) >> 32);

    static uint Low(double x) => (uint)BitConverter.DoubleToInt64Bits(x);

    static double FromWords(int high, uint low) => BitConverter.Int64BitsToDouble(((long)high << 32) | low);

    static double WithHigh(double x, int high) => FromWords(high, Low(x));

    static double ClearLow(double x) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) & unchecked((long)0xffffffff00000000UL));
}
