using DerSim.Gherkin.NUnit;

// Ends the Gherkin run (AfterFeature/AfterTestRun hooks) once all tests of this assembly are done.
[assembly: GherkinTestRun]
