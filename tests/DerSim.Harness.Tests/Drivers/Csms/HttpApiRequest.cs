namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>One request the <see cref="HttpApiDouble"/> received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, unescaped.</param>
/// <param name="Headers">Every header, names case-insensitive (several values joined by ", ").</param>
/// <param name="Body">The body as text.</param>
public sealed record HttpApiRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
