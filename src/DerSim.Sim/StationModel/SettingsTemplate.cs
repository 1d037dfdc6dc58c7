using Setting = DerSim.Sim.StationModel.StationConfiguration.Setting;

namespace DerSim.Sim.StationModel;

/// <summary>
/// The settings a freshly booted station of one shape (connector count, measurands) has, built once and shared by every
/// <see cref="StationConfiguration"/> of that shape: 10,000 stations in one process would otherwise hold 10,000 copies
/// of the same ~50 records and their lookup tables. Immutable; a station keeps what it changed on its own.
/// </summary>
internal sealed class SettingsTemplate
{
    private readonly Setting[] _settings;

    // 1.6 key and 2.x "Component/Variable[/Instance]" name in one table, as the store always had them: Get(key) finds a
    // setting by either.
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byName;
    private readonly HashSet<string> _components;

    private SettingsTemplate(Setting[] settings, Dictionary<string, int> index, (int Index, Func<StationConfiguration, string, bool> Check)[] bound)
    {
        _settings = settings;
        _index = index;
        _byName = index.GetAlternateLookup<ReadOnlySpan<char>>();
        _components = new(settings.Select(s => s.Component), StringComparer.OrdinalIgnoreCase);
        LongestName = index.Keys.Max(k => k.Length);
        Bound = bound;
    }

    /// <summary>The settings in definition order, with their default values.</summary>
    public IReadOnlyList<Setting> Settings => _settings;

    /// <summary>
    /// The settings whose check consults the station itself (its current value, a simulated fault, its network
    /// profiles), with that check: each store binds its own copy of them to itself.
    /// </summary>
    public IReadOnlyList<(int Index, Func<StationConfiguration, string, bool> Check)> Bound { get; }

    /// <summary>The length of the longest 1.6 key or 2.x name: no longer name can be found.</summary>
    public int LongestName { get; }

    /// <summary>The position of the setting with 1.6 key or 2.x name <paramref name="name"/> (case-insensitive), or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The position of the setting named <paramref name="name"/> (case-insensitive), or -1; allocates nothing.</summary>
    public int IndexOf(ReadOnlySpan<char> name) => _byName.TryGetValue(name, out var i) ? i : -1;

    /// <summary>Whether any setting belongs to <paramref name="component"/> (case-insensitive).</summary>
    public bool HasComponent(string component) => _components.Contains(component);

    /// <summary>The 2.x name a setting is found by: "Component/Variable" or "Component/Variable/Instance".</summary>
    public static string DeviceName(Setting setting) =>
        setting.Instance is null ? setting.Component + "/" + setting.Variable : setting.Component + "/" + setting.Variable + "/" + setting.Instance;

    /// <summary>Collects the definitions of a template.</summary>
    public sealed class Builder
    {
        private readonly List<Setting> _settings = [];
        private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<(int, Func<StationConfiguration, string, bool>)> _bound = [];

        /// <summary>Adds a setting; its <see cref="Setting.IsValid"/> must not depend on the station.</summary>
        /// <exception cref="InvalidOperationException">Its 1.6 key or 2.x name is taken.</exception>
        public void Add(Setting setting)
        {
            // Each setting once: a second definition under the same 1.6 key or 2.x name would silently replace the first.
            var device = DeviceName(setting);
            if (_index.ContainsKey(setting.Key) || _index.ContainsKey(device))
            {
                throw new InvalidOperationException($"station setting {setting.Key} ({device}) is defined twice");
            }

            _index[setting.Key] = _settings.Count;
            _index[device] = _settings.Count;
            _settings.Add(setting);
        }

        /// <summary>Adds a setting whose check consults the station it belongs to; each station binds <paramref name="check"/> to itself.</summary>
        public void Add(Setting setting, Func<StationConfiguration, string, bool> check)
        {
            // The shared copy never checks a value: were it ever handed out instead of the station's own, it fails loudly
            // rather than accept anything.
            Add(setting with { IsValid = Unbound });
            _bound.Add((_settings.Count - 1, check));
        }

        /// <summary>The template of the settings added.</summary>
        public SettingsTemplate Build() => new([.. _settings], new(_index, StringComparer.OrdinalIgnoreCase), [.. _bound]);

        private static bool Unbound(string value) =>
            throw new InvalidOperationException("a station-bound setting check was used without its station");
    }
}
