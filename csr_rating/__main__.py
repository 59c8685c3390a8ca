from csr_rating.cli import main

main()
