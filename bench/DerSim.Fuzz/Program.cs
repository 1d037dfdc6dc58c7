using DerSim.Fuzz;
using SharpFuzz;

// `DerSim.Fuzz` under afl-fuzz (see bench/fuzz.sh): reads inputs in AFL's persistent mode.
// `DerSim.Fuzz replay FILE|DIR...` runs each file through the same target once and prints what it did.
if (args.Length > 0 && args[0] == "replay")
{
    return FrameTarget.Replay(args[1..]);
}

// Instrumented code must not run before Fuzzer.Run has mapped AFL's coverage memory, so the target (whose
// constructor builds the schema validator) is made on the first input.
FrameTarget? target = null;
Fuzzer.Run(stream =>
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    target ??= new FrameTarget();
    target.Run(copy.ToArray());
});
return 0;
