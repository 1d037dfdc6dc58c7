namespace DerSim.Harness.Drivers.Csms;

/// <summary>A 2.x device-model variable as steps name it: "Component.Variable" (a text without a dot is only a variable).</summary>
internal static class DeviceModelKey
{
    /// <summary>The component of <paramref name="key"/>, or null when it names none.</summary>
    public static string? Component(string? key) => key?.Split('.', 2) is [var component, _] ? component : null;

    /// <summary>The variable of <paramref name="key"/> (all of it when it has no dot).</summary>
    public static string? Variable(string? key) => key?.Split('.', 2) is [_, var variable] ? variable : key;

    /// <summary>The component and variable of <paramref name="key"/>, for a request that needs both.</summary>
    /// <exception cref="ArgumentException">The key names no component.</exception>
    public static (string Component, string Variable) Both(string key) =>
        (Component(key) ?? throw new ArgumentException("the command has no component"), Variable(key)!);
}
