using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using Qoder.Parser.Benchmarks;

// The parser alone, beside the end-to-end driver (Qoder.Throughput.SideBySide): the client's stdout path from the
// bytes of a pipe to typed messages, on the side-by-side benchmark's generated stream.
//   dotnet run -c Release --project benchmarks/Qoder.Parser.Benchmarks -- <stream.jsonl> [BenchmarkDotNet arguments]
// Allocated ÷ Messages is the allocation per message; Bytes ÷ Mean is the parse rate.
if (args.Length == 0 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: <stream.jsonl from generate-stream.mjs> [BenchmarkDotNet arguments]");
    return 2;
}

Environment.SetEnvironmentVariable(StdoutParsing.StreamVariable, Path.GetFullPath(args[0]));
BenchmarkRunner.Run<StdoutParsing>(DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default).AddColumn(StatisticColumn.Median), args[1..]);
return 0;
