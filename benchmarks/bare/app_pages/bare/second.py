import streamlit as st

st.title("Bare page two")
st.markdown("Another line of text.")
