Console.WriteLine("under construction");
