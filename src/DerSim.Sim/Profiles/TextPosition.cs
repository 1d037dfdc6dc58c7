using System.Text;

namespace DerSim.Sim.Profiles;

/// <summary>A 1-based line and column in a text file.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column, counted in characters.</param>
public readonly record struct TextPosition(int Line, int Column)
{
    /// <summary>Converts a byte offset into UTF-8 text to a line and column.</summary>
    public static TextPosition FromByteOffset(ReadOnlySpan<byte> utf8, long offset)
    {
        var end = (int)Math.Clamp(offset, 0, utf8.Length);
        var before = utf8[..end];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new TextPosition(line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    /// <summary>Converts System.Text.Json's 0-based line and byte-in-line to a 1-based line and column.</summary>
    public static TextPosition FromLineAndBytePosition(ReadOnlySpan<byte> utf8, long zeroBasedLine, long bytePositionInLine)
    {
        var lineStart = 0;
        for (long line = 0; line < zeroBasedLine; line++)
        {
            var next = utf8[lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
        }

        return FromByteOffset(utf8, lineStart + bytePositionInLine);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}
