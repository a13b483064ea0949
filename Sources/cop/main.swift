import Commands

// The whole executable: every command lives in the Commands module.
Cop.main()
