using System.Text;
using System.Text.Json;

namespace DerSim.Sim.Profiles;

/// <summary>
/// Finds where a JSON path (as System.Text.Json writes it: <c>$.evses[0].connectors[1].type</c>)
/// sits in a document, so errors found after deserialisation can still point at a line.
/// </summary>
public static class JsonPathLocator
{
    /// <summary>
    /// Returns the position of the property name (for object members) or the value (for array
    /// elements and the root) addressed by <paramref name="jsonPath"/>, or <see langword="null"/>
    /// when the document has no such node or cannot be read.
    /// </summary>
    public static TextPosition? Find(ReadOnlySpan<byte> utf8Json, string jsonPath)
    {
        var reader = new Utf8JsonReader(utf8Json);
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1].Property = reader.GetString();
                        if (PathOf(frames) == jsonPath)
                        {
                            return TextPosition.FromByteOffset(utf8Json, reader.TokenStartIndex);
                        }

                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        if (IsValueAt(frames, jsonPath))
                        {
                            return TextPosition.FromByteOffset(utf8Json, reader.TokenStartIndex);
                        }

                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    /// <summary>
    /// Like <see cref="Find"/>, but when the node is absent (e.g. a missing property) falls back
    /// to the nearest ancestor that exists.
    /// </summary>
    public static TextPosition? FindNearest(ReadOnlySpan<byte> utf8Json, string jsonPath)
    {
        for (var path = jsonPath; path.Length > 0; path = Parent(path))
        {
            if (Find(utf8Json, path) is { } position)
            {
                return position;
            }
        }

        return null;
    }

    private static bool IsValueAt(List<Frame> frames, string jsonPath)
    {
        if (frames.Count == 0)
        {
            return jsonPath == "$";
        }

        var parent = frames[^1];
        if (!parent.IsArray)
        {
            return false;
        }

        parent.Index++;
        return PathOf(frames) == jsonPath;
    }

    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                path.Append('[').Append(frame.Index).Append(']');
            }
            else if (frame.Property is not null)
            {
                path.Append('.').Append(frame.Property);
            }
        }

        return path.ToString();
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Property { get; set; }
    }
}
