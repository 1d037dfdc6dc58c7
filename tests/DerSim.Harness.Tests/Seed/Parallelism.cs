// Stations of the seed and runtime tests mostly wait on 1-s intervals, not the CPU: run several at once.
[assembly: NUnit.Framework.LevelOfParallelism(8)]
