using System.Text;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Evse;

public class JsonPathLocatorTests
{
    private static readonly byte[] Json = Encoding.UTF8.GetBytes(
        "{\n  \"a\": 1,\n  \"list\": [\n    { \"x\": true },\n    { \"x\": false, \"é\": [7, 8] }\n  ],\n  \"b\": { \"c\": \"d\" }\n}\n");

    [TestCase("$", 1, 1)]
    [TestCase("$.a", 2, 3)]
    [TestCase("$.list", 3, 3)]
    [TestCase("$.list[0]", 4, 5)]
    [TestCase("$.list[1].x", 5, 7)]
    [TestCase("$.list[1].é[1]", 5, 28)]
    [TestCase("$.b.c", 7, 10)]
    public void Finds_line_and_column(string path, int line, int column) =>
        JsonPathLocator.Find(Json, path).ShouldBe(new TextPosition(line, column));

    [Test]
    public void Absent_path_is_null() => JsonPathLocator.Find(Json, "$.list[2]").ShouldBeNull();

    [Test]
    public void Nearest_falls_back_to_the_closest_ancestor() =>
        JsonPathLocator.FindNearest(Json, "$.list[1].missing").ShouldBe(new TextPosition(5, 5));

    [Test]
    public void Broken_json_is_null_not_an_exception() =>
        JsonPathLocator.Find("{\"a\": [1,"u8, "$.b").ShouldBeNull();

    [Test]
    public void Column_counts_characters_not_bytes() =>
        TextPosition.FromByteOffset("ééx"u8, 4).ShouldBe(new TextPosition(1, 3));
}
