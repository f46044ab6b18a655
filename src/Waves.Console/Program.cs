return Waves.Console.Cli.Run(args);
