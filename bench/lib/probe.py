print("probe", 6 * 7)
