namespace DerSim.Sim.Profiles;

/// <summary>One problem found in a profile.</summary>
/// <param name="JsonPath">Where, as a JSON path (<c>$.evses[0].maxKw</c>).</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record EvseProfileError(string JsonPath, string Message);
